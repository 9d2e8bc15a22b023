package dev.kafkaspool.samples.log4j2;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.log4j2.KafkaSpoolAppender;
import dev.kafkaspool.samples.service.DemoFailure;
import dev.kafkaspool.samples.service.EventKind;
import dev.kafkaspool.samples.service.SampleService;
import dev.kafkaspool.samples.service.ServiceLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.StringMapMessage;

/**
 * A plain service that logs through the Log4j 2 API, configured by a {@code log4j2.xml} with the
 * {@code <KafkaSpool>} appender (the demo passes {@code -Dlog4j2.configurationFile=...}). It logs
 * with the ThreadContext (Log4j's MDC) and map messages, whose fields become key-values in the
 * record. Its standard output belongs to {@link ServiceLoop}'s reports.
 */
public final class PaymentsService implements SampleService {

    /** The appender's name in the sample {@code log4j2.xml} files. */
    static final String APPENDER_NAME = "kafka";

    private static final Logger LOG = LogManager.getLogger(PaymentsService.class);

    /**
     * Logs until standard input ends.
     *
     * @param args optionally the events per second (default 300)
     */
    public static void main(String[] args) {
        int eventsPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ServiceLoop.run(new PaymentsService(), eventsPerSecond);
    }

    @Override
    public void logEvent(long sequence, EventKind kind) {
        String paymentId = "p-" + sequence;
        ThreadContext.put("requestId", "req-" + Long.toHexString(sequence * 104729));
        try {
            switch (kind) {
                case ERROR:
                    LOG.error(fields("payment " + paymentId + " failed", paymentId, sequence),
                            new DemoFailure(paymentId));
                    break;
                case WARN:
                    LOG.warn(fields("payment " + paymentId + " was retried", paymentId, sequence)
                            .with("attempts", "2"));
                    break;
                default:
                    LOG.info(fields("payment " + paymentId + " captured", paymentId, sequence));
            }
        } finally {
            ThreadContext.remove("requestId");
        }
    }

    private static StringMapMessage fields(String message, String paymentId, long sequence) {
        return new StringMapMessage()
                .with("message", message)
                .with("paymentId", paymentId)
                .with("sequence", Long.toString(sequence));
    }

    @Override
    public EngineStats stats() {
        KafkaSpoolAppender appender = appender();
        return appender == null ? null : appender.stats();
    }

    @Override
    public EngineStats stopLogging() {
        KafkaSpoolAppender appender = appender();
        ((LoggerContext) LogManager.getContext(false)).stop();
        return appender == null ? null : appender.stats();
    }

    /** The kafka-spool appender of the running configuration. */
    private static KafkaSpoolAppender appender() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        return context.getConfiguration().getAppender(APPENDER_NAME);
    }
}
