package dev.kafkaspool.pod;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's host name, the last fallback for the pod name (in a pod it is the pod's name).
 * On Linux it is read from the kernel, which needs no name lookup; elsewhere it comes from
 * {@link InetAddress#getLocalHost()}. Never throws; {@code null} when unknown.
 */
final class LocalHostName {
    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    private LocalHostName() {
    }

    static String get() {
        try {
            if (Files.isReadable(KERNEL_HOST_NAME)) {
                String name = new String(Files.readAllBytes(KERNEL_HOST_NAME), StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (Exception e) {
            // fall through to the name service
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }
}
