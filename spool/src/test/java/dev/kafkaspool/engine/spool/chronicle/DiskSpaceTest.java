package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DiskSpaceTest {
    private final AtomicLong usable = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final DiskSpace space = DiskSpace.askingSometimes(() -> {
        asked.incrementAndGet();
        return usable.get();
    });

    @Test
    void writesTakeFromTheAllowanceWithoutAskingTheFilesystem() {
        usable.set(DiskSpace.RESERVE_BYTES + 2_000_000);
        space.refreshIfDue(); // the shipper's first round asks: allowance is half of 2,000,000
        assertEquals(1, asked.get());

        for (int i = 0; i < 1_000; i++) {
            assertTrue(space.hasRoomFor(1_000));
        }
        assertEquals(1, asked.get(), "writes within the allowance must not ask the filesystem");
    }

    @Test
    void aWriterAsksTheFilesystemItselfOnlyWhenTheAllowanceIsUsedUp() {
        usable.set(DiskSpace.RESERVE_BYTES + 2_000);
        assertTrue(space.hasRoomFor(1_000)); // no answer yet: the writer asks; allowance 1,000
        assertEquals(1, asked.get());

        usable.set(DiskSpace.RESERVE_BYTES + 1_000); // someone else filled the disk meanwhile
        assertFalse(space.hasRoomFor(1_000), "allowance used up, and the filesystem now grants only 500");
        assertEquals(2, asked.get());
        assertEquals(DiskSpace.RESERVE_BYTES + 1_000, space.lastUsableBytes());

        usable.set(DiskSpace.RESERVE_BYTES + 10_000);
        assertTrue(space.hasRoomFor(1_000), "room again once the filesystem has it");
    }

    @Test
    void neverGrantsTheReserve() {
        usable.set(DiskSpace.RESERVE_BYTES);
        space.refreshIfDue();
        assertFalse(space.hasRoomFor(1));
    }
}
