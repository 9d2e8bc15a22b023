package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random text and structures, from a fixed seed: every record parses back as one strict JSON object
 * (no repeated names), and the message and every MDC value come back as logged, lone surrogates
 * replaced by U+FFFD.
 */
class RandomEventsTest {
    private static final int EVENTS = 3_000;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "FLUENTD"}) // OTLP: OtlpRandomEventsTest
    void everyRandomEventParsesBackWithItsData(Layout layout) {
        Random random = new Random(20261121L + layout.ordinal());
        RecordFormat format = Records.format(layout);
        EventEncoder encoder = new EventEncoder();
        for (int i = 0; i < EVENTS; i++) {
            TestEvent e = new TestEvent();
            e.level = LogLevel.values()[random.nextInt(LogLevel.values().length)];
            e.message = randomText(random, random.nextInt(10) == 0 ? 5_000 : 60);
            e.thread = randomText(random, 20);
            int entries = random.nextInt(8);
            for (int k = 0; k < entries; k++) {
                e.mdc("m" + k + randomText(random, 6), randomText(random, 40));
            }
            if (random.nextBoolean()) {
                e.kv("n", random.nextLong()).kv("d", random.nextBoolean() ? Double.NaN : random.nextDouble())
                        .kv("s", randomText(random, 10)).kv("z", null).kv("o", new Object[] {1});
            }
            if (random.nextInt(5) == 0) {
                e.markers.add(randomText(random, 8));
                e.thrown = new IllegalStateException(randomText(random, 30));
            }
            String json = Records.decode(encoder.encode(format, e, 42, i));
            Map<String, Object> r = Records.parse(json);
            Object body = r.get(layout == Layout.ECS ? "message" : "log");
            assertTrue(String.valueOf(body).contains(expected(e.message)), json);
            String entriesPrefix = layout == Layout.ECS ? "labels/" : "attributes/";
            for (Map.Entry<String, String> m : e.mdc.entrySet()) {
                String key = expected(m.getKey());
                if (layout == Layout.ECS) {
                    key = key.replaceAll("[.*\\\\]", "_"); // the ecs-logging spec's label key sanitisation
                }
                assertEquals(expected(m.getValue()), r.get(entriesPrefix + key), json);
            }
        }
    }

    /** Text of random UTF-16 code units: ASCII, controls, other planes, and lone surrogates. */
    static String randomText(Random random, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(6)) {
                case 0:
                    sb.append((char) random.nextInt(0x20));
                    break;
                case 1:
                    sb.append((char) (0xD800 + random.nextInt(0x800)));
                    break;
                case 2:
                    sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    break;
                case 3:
                    sb.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
                    break;
                default:
                    sb.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return sb.toString();
    }

    /** What a text becomes in a record: lone surrogates replaced, nothing else changed. */
    static String expected(String s) {
        return BoundedText.safeName(s);
    }
}
