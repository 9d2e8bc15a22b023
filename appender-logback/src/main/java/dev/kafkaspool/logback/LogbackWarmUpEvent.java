package dev.kafkaspool.logback;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Context;

/**
 * The made-up events the appender reads and encodes once when it starts, without handing them on,
 * so that the classes of the append path load on the thread that configures Logback and not in the
 * first log call of the first logging thread: a message with an argument, and one with an argument
 * and an exception, as the append path meets them.
 *
 * <p>They are made the way a logger makes the event of a log call (Logback's own constructor, on
 * the root logger), so Logback's part of the path is loaded too: the clock, the arguments'
 * scan for a throwable, and the message formatting with and without one. Like any event, each
 * takes a number from the context's sequence number generator when one is configured.
 */
final class LogbackWarmUpEvent {
    private static final String FQCN = LogbackWarmUpEvent.class.getName();

    private LogbackWarmUpEvent() {
    }

    static List<LoggingEvent> create(Context context) {
        if (!(context instanceof LoggerContext)) {
            return List.of(); // an appender started outside a logger context: nothing a logger would make
        }
        Logger root = ((LoggerContext) context).getLogger(Logger.ROOT_LOGGER_NAME);
        return List.of(new LoggingEvent(FQCN, root, Level.INFO, "warm-up {}", null, new Object[] {1}),
                new LoggingEvent(FQCN, root, Level.INFO, "warm-up {}", null,
                        new Object[] {1, new IllegalStateException("warm-up")}));
    }
}
