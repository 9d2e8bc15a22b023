package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The binary form of a spooled event, shared by every spool implementation. Version 2:
 *
 * <pre>
 * byte   format version (2)
 * long   instance id        \ together the event id
 * long   sequence           /
 * long   timestamp, epoch milliseconds
 * byte   level code
 * short  topic length, then the topic in UTF-8
 * int    key length (-1: no key), then the key
 * int    value length, then the value
 * int    CRC-32C of every byte before it
 * </pre>
 *
 * <p>The checksum makes any change to a record's bytes (a flipped bit, a stray write, a block of
 * zeros) a damaged record, counted and never shipped, instead of an altered event. Every length is
 * checked against the record's own size before anything is allocated for it. Version 1, the same
 * without the checksum, is still read. A spool holding records of a newer version is not opened
 * (see {@link #FIRST_VERSION_NOT_EXPECTED}); a spool written in version 2 is kept as a test
 * resource that every later version must read.
 *
 * <p><b>Not thread-safe</b>: one codec per reading or writing thread.
 */
public final class SpoolRecordCodec {
    public static final byte VERSION = 2;
    /** The format before records carried a checksum. */
    public static final byte VERSION_WITHOUT_CHECKSUM = 1;
    /**
     * Versions from {@link #VERSION} + 1 up to before this are taken for records of a newer
     * kafka-spool: a spool holding any is left for that version. A first byte at or above it is
     * damage (records are never written with it).
     */
    public static final int FIRST_VERSION_NOT_EXPECTED = 16;
    /** Where the timestamp sits in an encoded record. */
    public static final int TIMESTAMP_OFFSET = 1 + 8 + 8;
    private static final int CHECKSUM_BYTES = 4;
    private static final int FIXED_BYTES = 1 + 8 + 8 + 8 + 1 + 2 + 4 + 4 + CHECKSUM_BYTES;

    private final CRC32C crc = new CRC32C();
    /** Topics are few and long-lived: the last one decoded is reused to avoid a String per record. */
    private String lastTopic = "";
    private byte[] lastTopicBytes = new byte[0];

    private SpoolRecordCodec() {
    }

    public static SpoolRecordCodec create() {
        return new SpoolRecordCodec();
    }

    /** Reads the timestamp of an encoded record that starts at {@code offset}. */
    public static long timestampOf(ByteBuffer encoded, int offset) {
        return encoded.getLong(offset + TIMESTAMP_OFFSET);
    }

    /** The size of the encoded form. Thread-safe, unlike the rest of a codec: it keeps nothing. */
    public int encodedSize(EncodedEvent e) {
        return FIXED_BYTES + utf8Length(e.topic()) + Math.max(0, e.keyLength()) + e.valueLength();
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                // Not a name Kafka accepts for a topic, but spooled all the same: count it exactly.
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Encodes into {@code out}, which has room for {@link #encodedSize} bytes from its position. */
    public void encode(long instanceId, EncodedEvent e, ByteBuffer out) {
        int start = out.position();
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
        out.putInt(checksum(out, start, out.position()));
    }

    /**
     * Decodes one record: the bytes from {@code in}'s position to its limit.
     *
     * @throws IllegalStateException when the bytes are not a whole, unchanged record of a known
     *     version; nothing larger than the record is allocated first
     */
    public void decode(ByteBuffer in, SpoolRecord into) {
        into.damage = null;
        int start = in.position();
        int end = in.limit();
        need(in, 1, "the format version");
        byte version = in.get();
        if (version == VERSION) {
            if (end - start < FIXED_BYTES) {
                throw new IllegalStateException("record of " + (end - start) + " bytes is too short");
            }
            int stored = in.getInt(end - CHECKSUM_BYTES);
            if (stored != checksum(in, start, end - CHECKSUM_BYTES)) {
                throw new IllegalStateException("its checksum does not match: the record's bytes were changed");
            }
            in.limit(end - CHECKSUM_BYTES);
        } else if (version != VERSION_WITHOUT_CHECKSUM) {
            throw new IllegalStateException("unknown spool record version " + version);
        }
        need(in, 8 + 8 + 8 + 1 + 2, "the event id, timestamp, level and topic length");
        into.instanceId = in.getLong();
        into.sequence = in.getLong();
        into.timestampMillis = in.getLong();
        into.level = LogLevel.fromCode(in.get());
        int topicLength = in.getShort() & 0xFFFF;
        need(in, topicLength, "the topic");
        into.topic = readTopic(in, topicLength);
        need(in, 4, "the key length");
        int keyLength = in.getInt();
        if (keyLength >= 0) {
            need(in, keyLength, "the key");
            into.key = new byte[keyLength];
            in.get(into.key);
        } else {
            into.key = null;
        }
        need(in, 4, "the value length");
        int valueLength = in.getInt();
        if (valueLength < 0) {
            throw new IllegalStateException("spool record value length " + valueLength + " is out of range");
        }
        need(in, valueLength, "the value");
        into.value = new byte[valueLength];
        in.get(into.value);
        if (in.hasRemaining()) {
            throw new IllegalStateException(in.remaining() + " byte(s) after the end of the record");
        }
        in.limit(end).position(end);
    }

    private static void need(ByteBuffer in, int bytes, String what) {
        if (bytes < 0 || bytes > in.remaining()) {
            throw new IllegalStateException("spool record length of " + what + " (" + bytes + " bytes) is out of "
                    + "range: " + in.remaining() + " byte(s) are left in the record");
        }
    }

    private int checksum(ByteBuffer buffer, int from, int to) {
        crc.reset();
        if (buffer.hasArray()) {
            crc.update(buffer.array(), buffer.arrayOffset() + from, to - from);
        } else {
            ByteBuffer view = buffer.duplicate();
            view.limit(to).position(from);
            crc.update(view);
        }
        return (int) crc.getValue();
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
