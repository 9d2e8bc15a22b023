package dev.kafkaspool.benchmarks.endtoend;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a numbered event, {@code outage-event #<number>#} followed by filler text up to
 * about {@link #length()} characters (so records have a realistic size), and how its number is
 * found again in a Kafka record or a log file's line, whatever the appender wrapped around it (a
 * JSON document, a pattern or the bare message).
 */
final class EventMessage {
    /** The system property of the message length; the runner passes its own value on to each application. */
    static final String LENGTH_PROPERTY = "outage.messageLength";
    private static final int DEFAULT_LENGTH = 300;
    private static final Pattern NUMBER = Pattern.compile("outage-event #(\\d+)#");
    private static final int LENGTH = Integer.getInteger(LENGTH_PROPERTY, DEFAULT_LENGTH);
    private static final String FILLER = filler(LENGTH);

    private EventMessage() {
    }

    /** The message length asked for, in characters; a message is never shorter than its number part. */
    static int length() {
        return LENGTH;
    }

    static String of(long number) {
        String head = "outage-event #" + number + "# ";
        int fill = LENGTH - head.length();
        if (fill <= 0) {
            return head.strip();
        }
        return new StringBuilder(LENGTH).append(head).append(FILLER, 0, fill).toString();
    }

    /** The event number in a record's value, if it holds one. */
    static OptionalLong numberIn(byte[] recordValue) {
        return recordValue == null ? OptionalLong.empty()
                : numberIn(new String(recordValue, StandardCharsets.UTF_8));
    }

    /** The event number in a text (a log file's line), if it holds one. */
    static OptionalLong numberIn(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static String filler(int length) {
        String words = "order accepted for customer with items shipped from warehouse in region after payment ";
        return words.repeat(length / words.length() + 1).substring(0, Math.max(0, length));
    }
}
