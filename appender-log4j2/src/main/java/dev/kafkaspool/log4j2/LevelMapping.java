package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.LogLevel;
import org.apache.logging.log4j.Level;

/**
 * Maps Log4j levels, custom ones included, to the engine's levels by their intLevel: a custom
 * level counts as the most severe standard level it reaches, so a level between INFO and WARN
 * (a NOTICE, say) counts as INFO.
 *
 * <p>Stateless; thread-safe.
 */
final class LevelMapping {
    private LevelMapping() {
    }

    static LogLevel toLogLevel(Level level) {
        if (level == null) {
            return LogLevel.INFO;
        }
        int severity = level.intLevel();
        if (severity <= Level.FATAL.intLevel()) {
            return LogLevel.FATAL;
        }
        if (severity <= Level.ERROR.intLevel()) {
            return LogLevel.ERROR;
        }
        if (severity <= Level.WARN.intLevel()) {
            return LogLevel.WARN;
        }
        if (severity <= Level.INFO.intLevel()) {
            return LogLevel.INFO;
        }
        if (severity <= Level.DEBUG.intLevel()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }
}
