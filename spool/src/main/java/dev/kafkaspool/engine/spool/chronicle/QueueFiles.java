package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.core.values.LongValue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.queue.impl.table.SingleTableStore;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A spool directory's files as Chronicle Queue keeps them: the one class that calls Chronicle.
 * It opens the directory with this library's settings, for writing or read-only, and hands out
 * what the disk spool and the spool tool use, in this library's own types: an {@code Appender},
 * {@link Cursor}s that read one {@link Document} at a time, {@link StoredLong}s in the metadata
 * file (the committed position, the ledger's count) and the roll {@link Cycles} files are named by.
 *
 * <p>Internal: public only for {@code dev.kafkaspool.inspect}; not part of the library's API.
 *
 * <p><b>Not thread-safe</b>: its users serialize their calls.
 */
public final class QueueFiles implements AutoCloseable {
    /** Chronicle's metadata file, which also holds the committed position: every spool has one. */
    public static final String METADATA_FILE = SingleChronicleQueue.QUEUE_METADATA_FILE;
    /** How the name of a spool file ends. */
    public static final String SUFFIX = SingleChronicleQueue.SUFFIX;
    /** How the name of a table store file ends, the metadata file's among them. */
    public static final String TABLE_SUFFIX = SingleTableStore.SUFFIX;
    /** The roll cycle of every spool: a file per five minutes. */
    public static final Cycles CYCLES = new Cycles(RollCycles.FIVE_MINUTELY);
    /** The index of no record: a committed position of none. */
    private static final long NONE = 0;

    /** The size of the pages {@link #touchForWriting} touches: the smallest a kernel maps. */
    static final long PAGE_BYTES = 4096;

    private final SingleChronicleQueue queue;
    /** The clock the queue rolls by; null for a queue opened read-only. */
    private final RollClock rollClock;
    /**
     * Who holds what {@link #touchForWriting} maps. Made with the instance, not the class: making one
     * starts Chronicle, which must not start before {@link ChronicleDefaults#apply} set its properties.
     */
    private final ReferenceOwner toucher = ReferenceOwner.temporary("kafka-spool page toucher");

    private QueueFiles(SingleChronicleQueue queue, RollClock rollClock) {
        this.queue = queue;
        this.rollClock = rollClock;
    }

    /**
     * Opens (or creates) the queue in {@code dir} for writing, its files owner-only, rolling by
     * {@code clock} (null for the system clock) through a {@link RollClock}.
     *
     * @throws SpoolException when Chronicle cannot open it, e.g. because JVM flags are missing
     */
    static QueueFiles open(Path dir, long maxBytes, LongSupplier clock) {
        ChronicleDefaults.apply();
        SingleChronicleQueue queue = null;
        RollClock rollClock = null;
        try {
            rollClock = new RollClock(clock != null ? clock : System::currentTimeMillis);
            queue = SingleChronicleQueueBuilder.single(dir.toFile())
                    .rollCycle(CYCLES.rollCycle)
                    .blockSize(blockSizeFor(maxBytes))
                    .storeFileListener(new OwnerOnlyFiles())
                    .timeProvider(rollClock::millis)
                    .build();
            if (queue.lastCycle() >= 0) {
                rollClock.notBefore(CYCLES.startMillis(queue.lastCycle()));
            }
        } catch (Throwable e) { // NOPMD: missing JVM flags surface as errors from Chronicle's class setup
            if (queue != null) {
                queue.close();
            }
            throw new SpoolException("cannot open a Chronicle Queue in " + dir + ChronicleDefaults.hintFor(e), e);
        }
        return new QueueFiles(queue, rollClock);
    }

    /** Opens the queue in {@code dir} read-only; throws what Chronicle throws (e.g. errors for missing JVM flags). */
    public static QueueFiles openReadOnly(Path dir) {
        return new QueueFiles(SingleChronicleQueueBuilder.single(dir.toFile())
                .rollCycle(CYCLES.rollCycle)
                .readOnly(true)
                .build(), null);
    }

    /** Chronicle maps files in blocks; a small cap wants small blocks so a small disk is not over-mapped. */
    private static long blockSizeFor(long maxBytes) {
        long block = Long.highestOneBit(Math.max(maxBytes / 4, 1L << 20));
        return Math.min(block, 64L << 20);
    }

    /**
     * Ends the file of {@code cycle} early: the roll clock moves to the next cycle's start (see
     * {@link RollClock#notBefore}), so the next record written goes to that cycle's file. Not for a
     * queue opened read-only.
     */
    void rollAfter(int cycle) {
        rollClock.notBefore(CYCLES.startMillis(cycle + 1));
    }

    /** The roll clock's time, in milliseconds since the epoch. Not for a queue opened read-only. */
    long rollMillis() {
        return rollClock.millis();
    }

    /**
     * Makes the file of {@code cycle} ahead of the writer, without the queue's write lock, so that
     * the writer that moves to that cycle finds it made. Readers pass over a file that holds
     * nothing, and a writer that moves to a later cycle ends it; a process that stops before
     * writing there leaves it empty, and the next one goes on in it.
     */
    void createFile(int cycle) {
        SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), true, null);
        if (store != null) {
            queue.closeStore(store);
        }
    }

    /** The index of the last record in the queue's index. */
    public long lastIndex() {
        return queue.lastIndex();
    }

    /** How many records the queue's index counts between two indexes, as Chronicle counts them. */
    long countExcerpts(long fromIndex, long toIndex) {
        return queue.countExcerpts(fromIndex, toIndex);
    }

    /** Lists the directory again, after files were deleted. */
    void refreshDirectoryListing() {
        queue.refreshDirectoryListing();
    }

    /** The long kept under {@code id} in the metadata file (0 when none was kept). */
    public StoredLong storedLong(String id) {
        return new StoredLong(queue.indexForId(id));
    }

    /**
     * Takes the first write to each page of {@code cycle}'s file from {@code from} up to {@code to}
     * off the appender, and with it the page fault: through the mapping the appender writes
     * through, an atomic compare-and-set of the int at the start of each page from 0 to 0, which
     * changes no byte (where the int is not 0 nothing is written). Only pages of the part of the
     * file Chronicle has mapped are touched: it sizes the file to cover what it maps, so no page lies
     * past the file's end. A cycle whose file the queue does not hold open is left alone.
     *
     * @return where it stopped: {@code to}, the end of the mapped part of the file, or {@code from}
     *     when the file is not open
     * @throws IOException when Chronicle cannot map the file's part
     */
    long touchForWriting(int cycle, long from, long to) throws IOException {
        SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (store == null) {
            return from;
        }
        MappedBytes view = null;
        MappedBytesStore chunk = null;
        long page = (from + PAGE_BYTES - 1) & -PAGE_BYTES;
        try {
            view = store.bytes();
            MappedFile file = view.mappedFile();
            while (page < to) {
                if (chunk == null || page + Integer.BYTES > chunk.safeLimit()) {
                    if (chunk != null) {
                        chunk.release(toucher);
                    }
                    chunk = file.acquireByteStore(toucher, page);
                    if (page < chunk.start() || page + Integer.BYTES > chunk.safeLimit()) {
                        return page;
                    }
                }
                chunk.compareAndSwapInt(page, 0, 0);
                page += PAGE_BYTES;
            }
            return to;
        } finally {
            if (chunk != null) {
                chunk.release(toucher);
            }
            if (view != null) {
                view.releaseLast();
            }
            queue.closeStore(store);
        }
    }

    /** The appender, usable by any one thread at a time; see {@link Appender#createCurrentFile()}. */
    Appender appender() {
        ExcerptAppender appender = queue.createAppender();
        appender.singleThreadedCheckDisabled(true);
        return new Appender(appender);
    }

    /** A new cursor at the queue's start, for one thread. */
    public Cursor cursor() {
        return new Cursor(queue.createTailer());
    }

    /** A new cursor at the queue's start, usable by any one thread at a time. */
    Cursor cursorForAnyThread() {
        ExcerptTailer tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
        return new Cursor(tailer);
    }

    @Override
    public void close() {
        queue.close();
    }

    /** Writes records at the queue's end. */
    static final class Appender implements AutoCloseable {
        private final ExcerptAppender appender;

        private Appender(ExcerptAppender appender) {
            this.appender = appender;
        }

        /**
         * Creates and maps the current roll cycle's file, so that the first record written does not
         * pay for that (and for the classes it loads) on a logging thread: a document begun and
         * rolled back. Best effort: when that fails, the first write tries again and reports what
         * goes wrong.
         */
        void createCurrentFile() {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.rollbackOnClose();
            } catch (RuntimeException e) { // NOPMD: best effort, see above
                // the first write creates the file and reports its failure
            }
        }

        /** Appends a record of the first {@code length} bytes of {@code bytes}; returns where it ends in its file. */
        long append(byte[] bytes, int length) {
            try (DocumentContext dc = appender.writingDocument()) {
                return dc.wire().bytes().write(bytes, 0, length).writePosition();
            }
        }

        /** The cycle of the file last written to. */
        int cycle() {
            return appender.cycle();
        }

        @Override
        public void close() {
            appender.close();
        }
    }

    /** Reads the queue's records in order, one {@link Document} at a time. */
    public static final class Cursor implements AutoCloseable {
        private final ExcerptTailer tailer;
        private final Document document = new Document();

        private Cursor(ExcerptTailer tailer) {
            this.tailer = tailer;
        }

        /**
         * Starts reading the next record, if any; closing the document moves past it. The same
         * document is handed out each time, unless it is still open (a read inside a read).
         */
        public Document next() {
            Document d = document.context == null ? document : new Document();
            d.context = tailer.readingDocument();
            return d;
        }

        /** Moves to the record at {@code index}; false when the queue has none there. */
        public boolean moveTo(long index) {
            return tailer.moveToIndex(index);
        }

        /** Moves to the first record after the one at index {@code c} (the committed one), or to the start. */
        public void moveAfter(long c) {
            if (c <= NONE || !tailer.moveToIndex(c)) {
                tailer.toStart();
                return;
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                // Skips the committed record itself.
                dc.isPresent();
            }
        }

        /** The index of the record this cursor reads next. */
        public long index() {
            return tailer.index();
        }

        @Override
        public void close() {
            tailer.close();
        }
    }

    /** One record being read; closing it moves its cursor past it (or not, after {@link #unread()}). */
    public static final class Document implements AutoCloseable {
        private DocumentContext context;

        private Document() {
        }

        /** Whether there is a record; nothing else may be called when there is not. */
        public boolean isPresent() {
            return context.isPresent();
        }

        /** The record's index in the queue. */
        public long index() {
            return context.index();
        }

        /** The record's bytes not read yet. */
        public long size() {
            return bytes().readRemaining();
        }

        /** Where the record's bytes not read yet start in its file. */
        public long offset() {
            return bytes().readPosition();
        }

        /** The record's next byte, unsigned, without reading it. */
        public int peekUnsignedByte() {
            return bytes().peekUnsignedByte();
        }

        /** Reads the record's next {@code length} bytes into the start of {@code into}. */
        public void read(byte[] into, int length) {
            bytes().read(into, 0, length);
        }

        /** Reads the rest of the record into {@code buffer}, or a new one twice as large; returns the one used. */
        public ByteBuffer readInto(ByteBuffer buffer) {
            Bytes<?> bytes = bytes();
            int size = (int) bytes.readRemaining();
            ByteBuffer into = buffer;
            if (into.capacity() < size) {
                into = ByteBuffer.allocate(Math.max(size, into.capacity() * 2));
            }
            bytes.read(into.array(), 0, size);
            into.clear().limit(size);
            return into;
        }

        /** Closing leaves the cursor at this record: the next read reads it again. */
        public void unread() {
            context.rollbackOnClose();
        }

        @Override
        public void close() {
            DocumentContext closing = context;
            context = null;
            closing.close();
        }

        private Bytes<?> bytes() {
            return context.wire().bytes();
        }
    }

    /** A long in the metadata file, memory-mapped: what one process sets, the next one reads. */
    public static final class StoredLong implements AutoCloseable {
        private final LongValue value;

        private StoredLong(LongValue value) {
            this.value = value;
        }

        public long get() {
            return value.getVolatileValue();
        }

        /** Sets it, ordered after what was written before. */
        public void set(long v) {
            value.setOrderedValue(v);
        }

        /** Adds {@code delta} atomically, for when two threads change it. */
        public void add(long delta) {
            value.addAtomicValue(delta);
        }

        @Override
        public void close() {
            value.close();
        }
    }

    /** The roll cycle: how a record's index holds its file's cycle and its number in that file. */
    public static final class Cycles {
        private final RollCycle rollCycle;

        private Cycles(RollCycle rollCycle) {
            this.rollCycle = rollCycle;
        }

        /** Each cycle has a file, named by its start time. */
        public int lengthInMillis() {
            return rollCycle.lengthInMillis();
        }

        /** When {@code cycle} starts, in milliseconds since the epoch (the queue's epoch is the default, 0). */
        public long startMillis(int cycle) {
            return (long) cycle * rollCycle.lengthInMillis();
        }

        /** The pattern of the files' names (without their suffix), a UTC time. */
        public String format() {
            return rollCycle.format();
        }

        public int toCycle(long index) {
            return rollCycle.toCycle(index);
        }

        public long toSequenceNumber(long index) {
            return rollCycle.toSequenceNumber(index);
        }

        public long toIndex(int cycle, long sequenceNumber) {
            return rollCycle.toIndex(cycle, sequenceNumber);
        }
    }

    /** Makes each spool file owner-only as Chronicle acquires it. */
    private static final class OwnerOnlyFiles implements StoreFileListener {
        @Override
        public void onAcquired(int cycle, File file) {
            SpoolDirectory.ownerOnly(file.toPath());
        }

        @Override
        public void onReleased(int cycle, File file) {
            // Deletion is driven by the committed position, not by release.
        }
    }
}
