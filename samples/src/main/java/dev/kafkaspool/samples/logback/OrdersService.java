package dev.kafkaspool.samples.logback;

import dev.kafkaspool.engine.EngineStats;
import ch.qos.logback.classic.LoggerContext;
import dev.kafkaspool.logback.KafkaSpoolAppender;
import dev.kafkaspool.samples.service.DemoFailure;
import dev.kafkaspool.samples.service.EventKind;
import dev.kafkaspool.samples.service.SampleService;
import dev.kafkaspool.samples.service.ServiceLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A plain service that logs through SLF4J and Logback, configured by a {@code logback.xml} with the
 * kafka-spool appender (the demo passes {@code -Dlogback.configurationFile=...}). Nothing in the
 * code knows about Kafka: it logs with MDC and SLF4J 2 key-values as any service would. Its
 * standard output belongs to {@link ServiceLoop}'s reports.
 */
public final class OrdersService implements SampleService {

    /** The appender's name in the sample {@code logback.xml} files. */
    static final String APPENDER_NAME = "KAFKA";

    private static final Logger LOG = LoggerFactory.getLogger(OrdersService.class);

    /**
     * Logs until standard input ends.
     *
     * @param args optionally the events per second (default 300)
     */
    public static void main(String[] args) {
        int eventsPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ServiceLoop.run(new OrdersService(), eventsPerSecond);
    }

    @Override
    public void logEvent(long sequence, EventKind kind) {
        String orderId = "o-" + sequence;
        MDC.put("requestId", "req-" + Long.toHexString(sequence * 7919));
        try {
            switch (kind) {
                case ERROR:
                    LOG.atError().addKeyValue("orderId", orderId).addKeyValue("sequence", sequence)
                            .setCause(new DemoFailure(orderId)).log("order {} failed", orderId);
                    break;
                case WARN:
                    LOG.atWarn().addKeyValue("orderId", orderId).addKeyValue("sequence", sequence)
                            .addKeyValue("tookMillis", 1200).log("order {} was slow", orderId);
                    break;
                default:
                    LOG.atInfo().addKeyValue("orderId", orderId).addKeyValue("sequence", sequence)
                            .log("order {} placed", orderId);
            }
        } finally {
            MDC.remove("requestId");
        }
    }

    @Override
    public EngineStats stats() {
        KafkaSpoolAppender appender = appender();
        return appender == null ? null : appender.stats();
    }

    @Override
    public EngineStats stopLogging() {
        KafkaSpoolAppender appender = appender();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        return appender == null ? null : appender.stats();
    }

    /** The kafka-spool appender on the root logger, as the README shows for a health check. */
    private static KafkaSpoolAppender appender() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return (KafkaSpoolAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER_NAME);
    }
}
