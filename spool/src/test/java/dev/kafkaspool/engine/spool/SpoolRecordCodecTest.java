package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The spool record format: what is written is read back; a record whose bytes changed in any way
 * is refused as damaged and never read as another event; bytes that are not a record at all,
 * seeded random ones included, are refused without allocating more than they hold.
 */
class SpoolRecordCodecTest {
    private static final long SEED = 20261205L;

    @Test
    void randomEventsComeBackAsWritten() {
        Random random = new Random(SEED);
        SpoolRecordCodec writer = SpoolRecordCodec.create();
        SpoolRecordCodec reader = SpoolRecordCodec.create();
        SpoolRecord record = new SpoolRecord();
        for (int i = 0; i < 2_000; i++) {
            EncodedEvent e = randomEvent(random);
            ByteBuffer bytes = encode(writer, e);
            reader.decode(bytes, record);
            assertNull(record.damage);
            assertEquals(7L, record.instanceId);
            assertEquals(e.sequence(), record.sequence);
            assertEquals(e.timestampMillis(), record.timestampMillis);
            assertEquals(e.level(), record.level);
            assertEquals(e.topic(), record.topic);
            if (e.keyLength() < 0) {
                assertNull(record.key);
            } else {
                assertArrayEquals(java.util.Arrays.copyOf(e.keyBytes(), e.keyLength()), record.key);
            }
            assertArrayEquals(java.util.Arrays.copyOf(e.valueBytes(), e.valueLength()), record.value);
            assertEquals(bytes.limit(), bytes.position(), "the whole record is read");
        }
    }

    @Test
    void everyChangedByteMakesTheRecordDamaged() {
        SpoolRecordCodec codec = SpoolRecordCodec.create();
        EncodedEvent e = event("orders", "o-17", "order 17 placed by a customer");
        byte[] good = encode(codec, e).array();
        for (int at = 0; at < good.length; at++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = good.clone();
                bad[at] ^= (byte) flip;
                int position = at;
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> codec.decode(ByteBuffer.wrap(bad), new SpoolRecord()),
                        () -> "byte " + position + " changed, yet the record was read");
                assertTrue(refused.getMessage() != null && !refused.getMessage().isEmpty());
            }
        }
    }

    @Test
    void hugeLengthFieldsAreRefusedBeforeAnythingIsAllocated() {
        SpoolRecordCodec codec = SpoolRecordCodec.create();
        // A version 1 record (no checksum) whose key length asks for 2 GiB.
        ByteBuffer v1 = ByteBuffer.allocate(64);
        v1.put(SpoolRecordCodec.VERSION_WITHOUT_CHECKSUM).putLong(1).putLong(2).putLong(3).put((byte) 2)
                .putShort((short) 1).put((byte) 't').putInt(Integer.MAX_VALUE).flip();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> codec.decode(v1, new SpoolRecord()));
        assertTrue(e.getMessage().contains("the key"), e.getMessage());
    }

    @Test
    void aVersionOneRecordIsStillRead() {
        byte[] value = "written before checksums".getBytes(StandardCharsets.UTF_8);
        ByteBuffer v1 = ByteBuffer.allocate(1 + 8 + 8 + 8 + 1 + 2 + "logs".length() + 4 + 4 + value.length);
        v1.put(SpoolRecordCodec.VERSION_WITHOUT_CHECKSUM).putLong(9).putLong(10).putLong(11).put((byte) 3)
                .putShort((short) 4).put("logs".getBytes(StandardCharsets.US_ASCII)).putInt(-1)
                .putInt(value.length).put(value).flip();
        SpoolRecord r = new SpoolRecord();
        SpoolRecordCodec.create().decode(v1, r);
        assertEquals(10, r.sequence);
        assertEquals("logs", r.topic);
        assertEquals(LogLevel.WARN, r.level);
        assertArrayEquals(value, r.value);
    }

    /** Seeded random bytes, of random lengths and with random large numbers in them: refused, never thrown otherwise. */
    @Test
    void randomBytesAreRefusedAsDamage() {
        Random random = new Random(SEED + 1);
        SpoolRecordCodec codec = SpoolRecordCodec.create();
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = random.nextBoolean() ? SpoolRecordCodec.VERSION : SpoolRecordCodec.VERSION_WITHOUT_CHECKSUM;
            }
            try {
                codec.decode(ByteBuffer.wrap(bytes), new SpoolRecord());
                if (bytes.length > 0 && bytes[0] == SpoolRecordCodec.VERSION) {
                    fail("random bytes passed the checksum: " + java.util.Arrays.toString(bytes));
                }
            } catch (IllegalStateException expected) {
                // refused as damaged
            } catch (RuntimeException | Error other) {
                throw new AssertionError("random bytes " + java.util.Arrays.toString(bytes) + " threw " + other, other);
            }
        }
    }

    private static ByteBuffer encode(SpoolRecordCodec codec, EncodedEvent e) {
        ByteBuffer out = ByteBuffer.allocate(codec.encodedSize(e));
        codec.encode(7L, e, out);
        assertEquals(out.capacity(), out.position(), "encodedSize is exact");
        return out.flip();
    }

    private static EncodedEvent event(String topic, String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        return new EncodedEvent().sequence(17).timestampMillis(1_700_000_000_017L).level(LogLevel.INFO).topic(topic)
                .key(k, k.length).value(v, v.length);
    }

    private static EncodedEvent randomEvent(Random random) {
        byte[] k = new byte[random.nextInt(40)];
        random.nextBytes(k);
        byte[] v = new byte[random.nextInt(2_000)];
        random.nextBytes(v);
        EncodedEvent e = new EncodedEvent().sequence(random.nextLong()).timestampMillis(random.nextLong())
                .level(LogLevel.values()[random.nextInt(LogLevel.values().length)])
                .topic("topic-" + random.nextInt(5)).value(v, v.length);
        return random.nextBoolean() ? e.noKey() : e.key(k, k.length);
    }
}
