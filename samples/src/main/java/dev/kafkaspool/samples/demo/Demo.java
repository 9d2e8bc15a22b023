package dev.kafkaspool.samples.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The demo {@code ./demo.sh} runs: a local Kafka broker, an orders service logging through Logback
 * and a payments service logging through Log4j 2, each in its own JVM with Kubernetes pod
 * metadata; the broker is killed while they log and restarted later; at the end the topic is read
 * back and every event is accounted for. Exits with 0 only when no event was lost.
 *
 * <p>Arguments, all optional, in seconds: when the broker is killed, when it is restarted, when
 * the services stop; then the events per second of each service. Without them: 12, 30, 45 and 300.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the demo and exits: 0 when every event arrived, 1 otherwise.
     *
     * @param args see the class description
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        DemoTimeline timeline = args.length >= 3
                ? new DemoTimeline(seconds(args[0]), seconds(args[1]), seconds(args[2]),
                        args.length > 3 ? Integer.parseInt(args[3]) : 300)
                : DemoTimeline.standard();
        quietKafkaClientLogs();
        DemoResult result = run(timeline, System.out);
        System.exit(result.nothingLost() ? 0 : 1);
    }

    /** Runs the demo on the given timeline, printing as it goes, and returns its outcome. */
    public static DemoResult run(DemoTimeline timeline, PrintStream out) throws Exception {
        return new DemoRun(timeline, out).run();
    }

    /**
     * The demo's own Kafka client (it reads the topic) logs through SLF4J, and this JVM's class path
     * holds both services' frameworks: SLF4J's no-op provider keeps its output to the demo's lines.
     */
    private static void quietKafkaClientLogs() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
    }
}
