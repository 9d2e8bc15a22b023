package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.EncodedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two million distinct MDC keys over time (two new ones per event, as an application that puts
 * request ids into key names would): the encoder keeps none of them, so the heap does not grow with
 * them, and the records stay valid with every key in its place.
 */
class DistinctContextKeysTest {
    private static final int EVENTS = 1_000_000;
    /** Two million keys kept would take well over 100 MB; a bound far below that and far above noise. */
    private static final long MAX_GROWTH_BYTES = 32L * 1024 * 1024;

    @ParameterizedTest
    @EnumSource(Layout.class)
    void millionsOfDistinctKeysLeaveNothingBehind(Layout layout) {
        RecordFormat format = Records.format(layout);
        EventEncoder encoder = new EventEncoder();
        String entriesPrefix = layout == Layout.ECS ? "labels/" : "attributes/";
        encodeWithNewKeys(format, encoder, 0, 10_000, entriesPrefix);
        long before = usedHeapAfterCollection();
        encodeWithNewKeys(format, encoder, 10_000, EVENTS, entriesPrefix);
        long after = usedHeapAfterCollection();
        System.out.println("DistinctContextKeysTest " + layout + ": heap in use after collection "
                + before / 1024 + " KiB -> " + after / 1024 + " KiB over " + 2L * (EVENTS - 10_000) + " new keys");
        assertTrue(after - before < MAX_GROWTH_BYTES, "the heap grew by " + (after - before) + " bytes");
    }

    /** Encodes events {@code from} to {@code to}, each with two keys never used before; parses every 10,000th. */
    private static void encodeWithNewKeys(RecordFormat format, EventEncoder encoder, int from, int to,
            String entriesPrefix) {
        for (int i = from; i < to; i++) {
            TestEvent e = new TestEvent();
            e.message = "request " + i;
            e.mdc("request." + i, "r" + i).mdc("user-" + Integer.toHexString(i * 31 + 7), "u");
            EncodedEvent encoded = encoder.encode(format, e, 42, i);
            if (i % 10_000 == 0) {
                Map<String, ?> r = entries(format.layout(), encoded, entriesPrefix);
                String key = format.layout() == Layout.ECS ? "request_" + i : "request." + i; // ECS labels: . is _
                assertEquals("r" + i, r.get(key), r::toString);
                assertEquals("u", r.get("user-" + Integer.toHexString(i * 31 + 7)), r::toString);
            }
        }
    }

    /** The MDC entries of a record, by name. */
    private static Map<String, ?> entries(Layout layout, EncodedEvent encoded, String entriesPrefix) {
        if (layout == Layout.OTLP_JSON || layout == Layout.OTLP_PROTO) {
            return Otlp.strings(Otlp.onlyRecord(Otlp.parse(layout, encoded)).getAttributesList());
        }
        Map<String, Object> entries = new java.util.LinkedHashMap<>();
        Records.parse(Records.decode(encoded)).forEach((k, v) -> {
            if (k.startsWith(entriesPrefix)) {
                entries.put(k.substring(entriesPrefix.length()), v);
            }
        });
        return entries;
    }

    private static long usedHeapAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
