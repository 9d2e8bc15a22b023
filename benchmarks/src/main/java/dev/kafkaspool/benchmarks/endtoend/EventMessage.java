package dev.kafkaspool.benchmarks.endtoend;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a numbered event, {@code outage-event #<number>#}, and how its number is found
 * again in a Kafka record, whatever the appender wrapped around it (a JSON document or the bare
 * message).
 */
final class EventMessage {
    private static final Pattern NUMBER = Pattern.compile("outage-event #(\\d+)#");

    private EventMessage() {
    }

    static String of(long number) {
        return "outage-event #" + number + "#";
    }

    /** The event number in a record's value, if it holds one. */
    static OptionalLong numberIn(byte[] recordValue) {
        if (recordValue == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = NUMBER.matcher(new String(recordValue, StandardCharsets.UTF_8));
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
