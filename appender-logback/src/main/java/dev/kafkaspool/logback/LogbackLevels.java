package dev.kafkaspool.logback;

import dev.kafkaspool.engine.LogLevel;
import ch.qos.logback.classic.Level;

/** Logback's levels as the engine's. <b>Stateless, thread-safe.</b> */
final class LogbackLevels {
    private LogbackLevels() {
    }

    static LogLevel of(Level level) {
        if (level == null) {
            return LogLevel.INFO;
        }
        int value = level.toInt();
        if (value >= Level.ERROR_INT) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARN_INT) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO_INT) {
            return LogLevel.INFO;
        }
        if (value >= Level.DEBUG_INT) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }
}
