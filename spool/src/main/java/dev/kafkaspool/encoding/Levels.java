package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;


/** Level names and OpenTelemetry severity numbers. */
final class Levels {
    private Levels() {
    }

    static String name(LogLevel level) {
        return level.name();
    }

    /** The OpenTelemetry severity number: the first of the level's range of four. */
    static int severityNumber(LogLevel level) {
        switch (level) {
            case TRACE:
                return 1;
            case DEBUG:
                return 5;
            case INFO:
                return 9;
            case WARN:
                return 13;
            case ERROR:
                return 17;
            default:
                return 21;
        }
    }
}
