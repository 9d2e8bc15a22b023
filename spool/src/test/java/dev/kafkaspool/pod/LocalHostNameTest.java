package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalHostNameTest {

    @Test
    void onLinuxItIsTheKernelsHostNameWithoutANameLookup() throws Exception {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        assumeTrue(Files.isReadable(kernel), "Linux only");
        assertEquals(Files.readString(kernel).trim(), LocalHostName.get());
    }
}
