package dev.kafkaspool.tool;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.inspect.SpooledEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;


/** Which events {@code print} shows: a lowest level and a time range. <b>Immutable.</b> */
final class EventFilter {
    private final LogLevel minLevel;
    private final Instant since;
    private final Instant until;

    private EventFilter(LogLevel minLevel, Instant since, Instant until) {
        this.minLevel = minLevel;
        this.since = since;
        this.until = until;
    }

    static EventFilter of(Arguments a) {
        return new EventFilter(level(a.value("--level")), instant("--since", a.value("--since")),
                instant("--until", a.value("--until")));
    }

    boolean accepts(SpooledEvent e) {
        return (minLevel == null || e.level().compareTo(minLevel) >= 0)
                && (since == null || !e.timestamp().isBefore(since))
                && (until == null || e.timestamp().isBefore(until));
    }

    private static LogLevel level(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LogLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--level must be one of TRACE DEBUG INFO WARN ERROR FATAL, got '" + text + "'");
        }
    }

    private static Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " expects an ISO instant such as 2026-11-22T08:00:00Z, got '"
                    + text + "'");
        }
    }
}
