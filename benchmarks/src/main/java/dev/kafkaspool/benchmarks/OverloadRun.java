package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.testbroker.ClientQuotas;
import dev.kafkaspool.testbroker.DiskUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One overload trial: an engine with default settings (but its name, broker, spool directory and
 * durability) whose producer the broker throttles with a produce quota, one thread logging at a
 * steady rate above what the quota lets through for a set time, every log call timed, the engine's
 * stats sampled every second. Then the logging stops, the quota is lifted, the spool drains for
 * at most a set time, the engine stops with what is left and the topic is read back.
 */
final class OverloadRun {
    static final String NAME = "overload";

    /** The engine's stats {@code seconds} after the logging started. */
    record Sample(double seconds, EngineStats stats) {
    }

    final Durability durability;
    final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    final Latencies filling;
    final Latencies full;
    Sample start;
    Sample firstDrop;
    Sample overloadEnd;
    Sample drained;
    EngineStats stopped;
    long refused;
    long skipped;
    long firstSequence = -1;
    /** The most the spool's files took on disk at a sample, as {@code du} counts it. */
    volatile long mostOnDisk;
    long lastSequence;
    TopicAudit topic;
    private volatile boolean dropSeen;

    private OverloadRun(Durability durability) {
        this.durability = durability;
        this.filling = new Latencies();
        this.full = new Latencies();
    }

    static OverloadRun run(Kafka kafka, Path spoolDir, Durability durability, int rate, double quotaBytes,
                           int seconds, int drainSeconds) {
        OverloadRun run = new OverloadRun(durability);
        SpoolConfig config = SpoolConfig.builder()
                .set(EngineSettings.NAME, NAME)
                .set(EngineSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .set(EngineSettings.SPOOL_DIR, spoolDir)
                .set(EngineSettings.DURABILITY, durability)
                .build();
        ClientQuotas.producerByteRate(kafka.bootstrapServers(), config.clientId(), quotaBytes);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        BenchmarkEngine bench = BenchmarkEngine.start(durability.toString(), config);
        SpoolEngine engine = bench.engine();
        try {
            bench.awaitShipping();
            long t0 = System.nanoTime();
            run.start = new Sample(0, engine.stats());
            sampler.scheduleAtFixedRate(() -> run.sample(engine, spoolDir, t0), 1, 1, TimeUnit.SECONDS);
            run.log(engine, rate, seconds);
            run.overloadEnd = new Sample((System.nanoTime() - t0) / 1e9, engine.stats());
            ClientQuotas.producerByteRate(kafka.bootstrapServers(), config.clientId(), null);
            run.drained = run.drain(engine, t0, drainSeconds);
        } finally {
            sampler.shutdownNow();
            awaitTermination(sampler);
            bench.close();
        }
        run.stopped = engine.stats();
        run.topic = TopicAudit.read(kafka.bootstrapServers(), Kafka.TOPIC, Duration.ofMinutes(3));
        return run;
    }

    /** Logs at {@code rate} events per second for {@code seconds}, catching up on at most a second of schedule. */
    private void log(SpoolEngine engine, int rate, int seconds) {
        VariedEvent event = new VariedEvent();
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        long next = begin;
        while (true) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                return;
            }
            if (now - next < 0) {
                LockSupport.parkNanos(Math.min(next - now, 1_000_000L));
                continue;
            }
            if (now - next > 1_000_000_000L) {
                long behind = (now - next) / interval;
                skipped += behind;
                next += behind * interval;
            }
            event.next();
            long before = System.nanoTime();
            boolean taken = event.submit(engine);
            long took = System.nanoTime() - before;
            (dropSeen ? full : filling).record(took);
            if (!taken) {
                refused++;
            }
            next += interval;
            lastSequence = event.lastSequence();
            firstSequence = firstSequence < 0 ? lastSequence : firstSequence;
        }
    }

    /** Waits until nothing is pending, or {@code drainSeconds} pass; returns the stats then. */
    private Sample drain(SpoolEngine engine, long t0, int drainSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (true) {
            EngineStats s = engine.stats();
            if (pending(s) == 0 || System.nanoTime() - deadline > 0) {
                return new Sample((System.nanoTime() - t0) / 1e9, s);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private void sample(SpoolEngine engine, Path spoolDir, long t0) {
        Sample s = new Sample((System.nanoTime() - t0) / 1e9, engine.stats());
        samples.add(s);
        mostOnDisk = Math.max(mostOnDisk, DiskUsage.of(spoolDir));
        if (firstDrop == null && s.stats().droppedTotal() > 0) {
            firstDrop = s;
            dropSeen = true;
        }
        if (samples.size() % 10 == 0) {
            EngineStats e = s.stats();
            System.out.printf("  [%s] %4.0f s: accepted %,d shipped %,d dropped %s spool %,d events %.1f MiB, %s%n",
                    durability, s.seconds(), e.accepted(), e.shipped(), e.droppedByReason(), e.spoolEvents(),
                    e.spoolBytes() / 1048576.0, e.health());
        }
    }

    private static void awaitTermination(ScheduledExecutorService sampler) {
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accepted events neither shipped nor dropped: in memory, in flight or in the spool. */
    static long pending(EngineStats s) {
        return s.accepted() - s.shipped() - s.droppedTotal();
    }
}
