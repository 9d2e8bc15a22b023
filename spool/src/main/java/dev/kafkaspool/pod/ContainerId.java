package dev.kafkaspool.pod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This container's id as the container runtime knows it (64 hex digits, the {@code containerID} of
 * the pod's status without its {@code containerd://} or {@code docker://} prefix), read from the
 * process's own files:
 *
 * <ul>
 *   <li>{@code /proc/self/cgroup}: with cgroup v1, or cgroup v2 without a cgroup namespace, the
 *       container's cgroup path ends with the id ({@code .../pod<uid>/<id>},
 *       {@code cri-containerd-<id>.scope}, {@code crio-<id>.scope}, {@code docker-<id>.scope});</li>
 *   <li>{@code /proc/self/mountinfo}: Docker's {@code /containers/<id>/} paths, when the cgroup shows
 *       nothing (cgroup v2 with a namespace shows only {@code 0::/}). containerd's
 *       {@code /sandboxes/<id>/} paths are not taken: that id is the pod's sandbox, not this container.</li>
 * </ul>
 *
 * Unknown ({@code null}) when neither shows it, as outside a container.
 */
final class ContainerId {
    static final Path CGROUP = Path.of("/proc/self/cgroup");
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final int LENGTH = 64;

    private ContainerId() {
    }

    /** Reads the id from the process's own files; null when unknown or unreadable. */
    static String read(Path cgroup, Path mountinfo) {
        String id = fromCgroup(text(cgroup));
        return id != null ? id : fromMountinfo(text(mountinfo));
    }

    /** The id at the end of a cgroup path, from the last line that has one. */
    static String fromCgroup(String cgroup) {
        if (cgroup == null) {
            return null;
        }
        String found = null;
        for (String line : cgroup.split("\n")) {
            int slash = line.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String last = line.substring(slash + 1).trim();
            if (last.endsWith(".scope")) {
                last = last.substring(0, last.length() - ".scope".length());
            }
            int dash = last.lastIndexOf('-');
            String candidate = dash >= 0 ? last.substring(dash + 1) : last;
            if (isId(candidate)) {
                found = candidate;
            }
        }
        return found;
    }

    /** The id in a Docker {@code /containers/<id>/} mount source. */
    static String fromMountinfo(String mountinfo) {
        if (mountinfo == null) {
            return null;
        }
        String marker = "/containers/";
        for (String line : mountinfo.split("\n")) {
            int at = line.indexOf(marker);
            while (at >= 0) {
                int start = at + marker.length();
                if (start + LENGTH <= line.length() && isId(line.substring(start, start + LENGTH))
                        && (start + LENGTH == line.length() || line.charAt(start + LENGTH) == '/')) {
                    return line.substring(start, start + LENGTH);
                }
                at = line.indexOf(marker, start);
            }
        }
        return null;
    }

    private static boolean isId(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String text(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
