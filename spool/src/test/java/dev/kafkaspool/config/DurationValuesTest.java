package dev.kafkaspool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.kafkaspool.pipeline.SettingCatalog;

/** Durations in the short form, in Logback's words and in ISO-8601, for every duration setting. */
class DurationValuesTest {

    @Test
    void theShortFormStillReadsAsBefore() {
        assertEquals(Duration.ofMillis(250), ValueParsers.parseDuration("250ms"));
        assertEquals(Duration.ofMillis(250), ValueParsers.parseDuration("250"));
        assertEquals(Duration.ofSeconds(10), ValueParsers.parseDuration("10s"));
        assertEquals(Duration.ofMinutes(2), ValueParsers.parseDuration("2m"));
        assertEquals(Duration.ofMinutes(2), ValueParsers.parseDuration("2min"));
        assertEquals(Duration.ofHours(1), ValueParsers.parseDuration("1h"));
    }

    @Test
    void logbacksWordsAreRead() {
        assertEquals(Duration.ofSeconds(10), ValueParsers.parseDuration("10 seconds"));
        assertEquals(Duration.ofSeconds(1), ValueParsers.parseDuration("1 second"));
        assertEquals(Duration.ofMillis(500), ValueParsers.parseDuration("500 milliseconds"));
        assertEquals(Duration.ofMillis(500), ValueParsers.parseDuration("500 millis"));
        assertEquals(Duration.ofMinutes(2), ValueParsers.parseDuration("2 minutes"));
        assertEquals(Duration.ofHours(3), ValueParsers.parseDuration("3 hours"));
        assertEquals(Duration.ofDays(1), ValueParsers.parseDuration("1 day"));
        assertEquals(Duration.ofMillis(1500), ValueParsers.parseDuration("1.5 seconds"));
        assertEquals(Duration.ofSeconds(10), ValueParsers.parseDuration(" 10 Seconds "));
    }

    @Test
    void iso8601IsRead() {
        assertEquals(Duration.ofSeconds(10), ValueParsers.parseDuration("PT10S"));
        assertEquals(Duration.ofMillis(500), ValueParsers.parseDuration("PT0.5S"));
        assertEquals(Duration.ofMinutes(90), ValueParsers.parseDuration("PT1H30M"));
        assertEquals(Duration.ofSeconds(10), ValueParsers.parseDuration("pt10s"));
    }

    @Test
    void whatIsNoDurationIsRefusedWithTheReason() {
        assertEquals("unknown unit 'fortnights'",
                assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration("2 fortnights"))
                        .getMessage());
        assertEquals("negative",
                assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration("-PT10S")).getMessage());
        assertEquals("not an ISO-8601 duration",
                assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration("PT10X")).getMessage());
        for (String text : new String[] {"", "ten seconds", "-10s", "10 s s", "1.s"}) {
            assertThrows(IllegalArgumentException.class, () -> ValueParsers.parseDuration(text), text);
        }
    }

    @Test
    void everyDurationSettingTakesEachForm() {
        for (String name : new String[] {"blockTimeout", "stopTimeout", "stallTimeout"}) {
            Setting<?> setting = SettingCatalog.find(name);
            assertTrue(setting.valueFormat().startsWith("duration"), name);
            for (String text : new String[] {"10s", "10 seconds", "PT10S", "10000 milliseconds"}) {
                assertEquals(Duration.ofSeconds(10), setting.parse(text), name + " = " + text);
            }
        }
    }

    @Test
    void aParsedDurationIsWrittenBackInTheShortForm() {
        assertEquals("10s", ValueParsers.formatDuration(ValueParsers.parseDuration("PT10S")));
        assertEquals("2m", ValueParsers.formatDuration(ValueParsers.parseDuration("2 minutes")));
        assertEquals("1500ms", ValueParsers.formatDuration(ValueParsers.parseDuration("1.5 seconds")));
    }
}
