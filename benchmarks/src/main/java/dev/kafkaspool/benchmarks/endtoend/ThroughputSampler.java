package dev.kafkaspool.benchmarks.endtoend;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;

/**
 * Samples the outage scenario every {@link #PERIOD} on a thread of its own: the events the
 * application has logged (it answers {@link ApplicationProtocol#COUNT} on its command thread, not
 * the logging thread) and the records readable in the topic ({@link TopicEnds}, asked for at most
 * {@link #ENDS_TIMEOUT}, so a sample with the broker down has none). The scenario marks what it
 * does to the broker ({@link #mark}), and stops the sampler before it stops the application.
 */
final class ThroughputSampler implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(500);
    private static final Duration ENDS_TIMEOUT = Duration.ofMillis(400);
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(2);

    private final AppenderCase appender;
    private final ApplicationProcess application;
    private final TopicEnds ends;
    private long startNanos;
    private final List<ThroughputSample> samples = new ArrayList<>();
    private final List<TimelineMark> marks = new ArrayList<>();
    private final Thread thread;
    private volatile boolean sampling = true;

    private ThroughputSampler(AppenderCase appender, ApplicationProcess application, TopicEnds ends) {
        this.appender = appender;
        this.application = application;
        this.ends = ends;
        this.thread = new Thread(this::sampleUntilStopped, "throughput-sampler");
        thread.setDaemon(true);
    }

    /**
     * Starts sampling now (time 0 of the timeline), with the broker up; the scenario tells the
     * application to log right after.
     */
    static ThroughputSampler start(AppenderCase appender, ApplicationProcess application, String bootstrapServers,
            String topic) {
        ThroughputSampler sampler = new ThroughputSampler(appender, application,
                TopicEnds.of(bootstrapServers, topic));
        sampler.startNanos = System.nanoTime();
        sampler.thread.start();
        return sampler;
    }

    /** Notes that {@code label} happened now and the broker is {@code brokerAfter} from now on. */
    synchronized void mark(String label, String brokerAfter) {
        marks.add(new TimelineMark(seconds(), label, brokerAfter));
    }

    /** Stops sampling and returns the timeline. */
    ThroughputTimeline stop() throws InterruptedException {
        sampling = false;
        thread.join();
        ends.close();
        synchronized (this) {
            return new ThroughputTimeline(appender, List.copyOf(samples), List.copyOf(marks));
        }
    }

    private void sampleUntilStopped() {
        long next = startNanos;
        try {
            while (sampling) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    continue;
                }
                long logged = logged();
                long acknowledged = acknowledged();
                synchronized (this) {
                    samples.add(new ThroughputSample(seconds(), logged, acknowledged));
                }
                while (next - System.nanoTime() <= 0) {
                    next += PERIOD.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long logged() throws InterruptedException {
        try {
            return application.ask(ApplicationProtocol.COUNT, ApplicationProtocol.COUNTED, COUNT_TIMEOUT)[0];
        } catch (IllegalStateException | UncheckedIOException e) {
            return -1;
        }
    }

    private long acknowledged() {
        try {
            return ends.records(ENDS_TIMEOUT);
        } catch (KafkaException e) {
            return -1;
        }
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        if (sampling) {
            stop();
        }
    }
}
