package dev.kafkaspool.logback;

import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * The made-up event the appender reads and encodes once when it starts, without handing it on, so
 * that the classes of the append path load on the thread that configures Logback and not in the
 * first log call of the first logging thread: a message with an argument, an empty MDC and an
 * exception, as the append path meets them.
 */
final class LogbackWarmUpEvent {
    private LogbackWarmUpEvent() {
    }

    static LoggingEvent create() {
        LoggingEvent sample = new LoggingEvent();
        sample.setLoggerName(KafkaSpoolAppender.class.getName());
        sample.setLevel(Level.INFO);
        sample.setThreadName(Thread.currentThread().getName());
        sample.setInstant(Instant.now());
        sample.setMessage("warm-up {}");
        sample.setArgumentArray(new Object[] {1});
        sample.setMDCPropertyMap(Map.of());
        sample.setThrowableProxy(new ThrowableProxy(new IllegalStateException("warm-up")));
        return sample;
    }
}
