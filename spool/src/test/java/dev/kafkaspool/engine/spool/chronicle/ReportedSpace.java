package dev.kafkaspool.engine.spool.chronicle;

/** Filesystems as {@link DiskSpace} last saw them, for the shipper's upkeep of the spool's files. */
final class ReportedSpace {
    private ReportedSpace() {
    }

    /** A filesystem with room to spare. */
    static DiskSpace roomy() {
        return reporting(1L << 40);
    }

    /** A filesystem with less than {@link DiskSpace#AHEAD_FLOOR_BYTES} usable: nothing is touched or made ahead. */
    static DiskSpace nearlyFull() {
        return reporting(DiskSpace.AHEAD_FLOOR_BYTES - 1);
    }

    private static DiskSpace reporting(long usable) {
        DiskSpace space = DiskSpace.askingSometimes(() -> usable);
        space.refreshIfDue();
        return space;
    }
}
