package dev.kafkaspool.engine.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of what the engine does to a spool (appends, reads, commits of the last record
 * read, rewinds, drops of the oldest record not being sent), each step checked against a model:
 * the events neither committed nor dropped, in order, and how many of them are read. A read
 * returns the first of them not read yet; a drop takes that one, or none when all are being sent;
 * the spool counts as many as the model. 200 sequences of 400 steps per kind of spool.
 */
class SpoolModelTest {
    private static final int SEQUENCES = 200;
    private static final int STEPS = 400;

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"disk", "disk with memory behind", "memory"})
    void randomOperationsFollowTheModel(String kind) throws IOException {
        for (int seed = 0; seed < SEQUENCES; seed++) {
            try (Spool spool = open(kind, Files.createTempDirectory(root, "spool"))) {
                follow(spool, new Random(seed), kind + ", sequence " + seed);
            }
        }
    }

    private static Spool open(String kind, Path dir) {
        switch (kind) {
            case "disk":
                return ChronicleSpool.open(dir, 1L << 30);
            case "memory":
                return new MemorySpool("test");
            default:
                ManualTicker ticker = new ManualTicker();
                return new FailoverSpool(ChronicleSpool.open(dir, 1L << 30), 1L << 20,
                        new ProblemReporter("test", new RecordingStatus(), new EngineCounters(), ticker), ticker);
        }
    }

    private static void follow(Spool spool, Random random, String sequence) {
        List<Long> pending = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        SpoolRecord r = new SpoolRecord();
        int read = 0;
        long next = 1;
        long lastPosition = 0;
        for (int step = 0; step < STEPS; step++) {
            int op = random.nextInt(10);
            if (op < 4) {
                spool.append(1L, Events.event(next, next + ": model"));
                steps.add("append " + next);
                pending.add(next++);
            } else if (op < 6) {
                boolean got = spool.read(r);
                steps.add("read " + (got ? r.sequence : "none"));
                Long expected = read < pending.size() ? pending.get(read) : null;
                assertEquals(expected, got ? r.sequence : null, () -> sequence + ": " + last(steps));
                if (got) {
                    lastPosition = r.position;
                    read++;
                }
            } else if (op < 7) {
                if (read > 0) {
                    spool.commit(lastPosition);
                    steps.add("commit " + pending.get(read - 1));
                    pending.subList(0, read).clear();
                    read = 0;
                }
            } else if (op < 8) {
                spool.rewind();
                steps.add("rewind");
                read = 0;
            } else {
                boolean dropped = spool.dropOldest() > 0;
                steps.add("drop " + (dropped ? "one" : "none"));
                assertEquals(read < pending.size(), dropped, () -> sequence + ": " + last(steps));
                if (dropped) {
                    pending.remove(read);
                }
            }
            assertEquals(pending.size(), spool.pendingEvents(), () -> sequence + ": " + last(steps));
        }
    }

    private static List<String> last(List<String> steps) {
        return steps.subList(Math.max(0, steps.size() - 30), steps.size());
    }
}
