package dev.kafkaspool.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of a spooled event, shared by every spool implementation. Version 1:
 *
 * <pre>
 * byte   format version (1)
 * long   instance id        \ together the event id
 * long   sequence           /
 * long   timestamp, epoch milliseconds
 * byte   level code
 * short  topic length, then the topic in UTF-8
 * int    key length (-1: no key), then the key
 * int    value length, then the value
 * </pre>
 */
final class SpoolRecordCodec {
    static final byte VERSION = 1;
    /** Where the timestamp sits in an encoded record. */
    static final int TIMESTAMP_OFFSET = 1 + 8 + 8;
    private static final int FIXED_BYTES = 1 + 8 + 8 + 8 + 1 + 2 + 4 + 4;

    /** Topics are few and long-lived: the last one decoded is reused to avoid a String per record. */
    private String lastTopic = "";
    private byte[] lastTopicBytes = new byte[0];

    private SpoolRecordCodec() {
    }

    static SpoolRecordCodec create() {
        return new SpoolRecordCodec();
    }

    /** Reads the timestamp of an encoded record that starts at {@code offset}. */
    static long timestampOf(ByteBuffer encoded, int offset) {
        return encoded.getLong(offset + TIMESTAMP_OFFSET);
    }

    /** The size of the encoded form. */
    int encodedSize(EncodedEvent e) {
        return FIXED_BYTES + topicBytes(e.topic()).length + Math.max(0, e.keyLength()) + e.valueLength();
    }

    /** Encodes into {@code out}, which has room for {@link #encodedSize} bytes from its position. */
    void encode(long instanceId, EncodedEvent e, ByteBuffer out) {
        byte[] topic = topicBytes(e.topic());
        out.put(VERSION);
        out.putLong(instanceId);
        out.putLong(e.sequence());
        out.putLong(e.timestampMillis());
        out.put(e.level().code());
        out.putShort((short) topic.length);
        out.put(topic);
        out.putInt(e.keyLength());
        if (e.keyLength() > 0) {
            out.put(e.keyBytes(), 0, e.keyLength());
        }
        out.putInt(e.valueLength());
        out.put(e.valueBytes(), 0, e.valueLength());
    }

    /**
     * Decodes one record.
     *
     * @throws IllegalStateException when the bytes are not a record of a known version
     */
    void decode(ByteBuffer in, SpoolRecord into) {
        into.damage = null;
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown spool record version " + version);
        }
        into.instanceId = in.getLong();
        into.sequence = in.getLong();
        into.timestampMillis = in.getLong();
        into.level = LogLevel.fromCode(in.get());
        int topicLength = in.getShort() & 0xFFFF;
        into.topic = readTopic(in, topicLength);
        int keyLength = in.getInt();
        if (keyLength >= 0) {
            into.key = new byte[keyLength];
            in.get(into.key);
        } else {
            into.key = null;
        }
        int valueLength = in.getInt();
        if (valueLength < 0 || valueLength > in.remaining()) {
            throw new IllegalStateException("spool record value length " + valueLength + " is out of range");
        }
        into.value = new byte[valueLength];
        in.get(into.value);
    }

    private String readTopic(ByteBuffer in, int length) {
        if (length == lastTopicBytes.length) {
            boolean same = true;
            int base = in.position();
            for (int i = 0; i < length && same; i++) {
                same = in.get(base + i) == lastTopicBytes[i];
            }
            if (same) {
                in.position(base + length);
                return lastTopic;
            }
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        lastTopicBytes = bytes;
        lastTopic = new String(bytes, StandardCharsets.UTF_8);
        return lastTopic;
    }

    private byte[] topicBytes(String topic) {
        if (topic == lastTopic || topic.equals(lastTopic)) {
            return lastTopicBytes;
        }
        lastTopic = topic;
        lastTopicBytes = topic.getBytes(StandardCharsets.UTF_8);
        return lastTopicBytes;
    }
}
