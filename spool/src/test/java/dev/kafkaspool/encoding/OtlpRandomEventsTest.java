package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import static dev.kafkaspool.encoding.RandomEventsTest.expected;
import static dev.kafkaspool.encoding.RandomEventsTest.randomText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RandomEventsTest}'s random events in the OTLP layouts: every record parses strictly with
 * OpenTelemetry's classes (protobuf binary, or protobuf's JSON parser refusing unknown fields), with
 * the message, every MDC entry and every key-value as logged, lone surrogates replaced by U+FFFD.
 */
class OtlpRandomEventsTest {
    private static final int EVENTS = 3_000;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void everyRandomEventParsesBackWithItsData(Layout layout) {
        Random random = new Random(20261121L + layout.ordinal());
        RecordFormat format = Records.format(layout);
        EventEncoder encoder = new EventEncoder();
        for (int i = 0; i < EVENTS; i++) {
            TestEvent e = new TestEvent();
            e.level = LogLevel.values()[random.nextInt(LogLevel.values().length)];
            e.message = randomText(random, random.nextInt(10) == 0 ? 5_000 : 60);
            e.thread = randomText(random, 20);
            e.logger = random.nextInt(20) == 0 ? null : randomText(random, 30);
            int entries = random.nextInt(8);
            for (int k = 0; k < entries; k++) {
                e.mdc("m" + k + randomText(random, 6), randomText(random, 40));
            }
            long n = random.nextLong();
            double d = random.nextBoolean() ? Double.NaN : random.nextDouble();
            boolean withKeyValues = random.nextBoolean();
            if (withKeyValues) {
                e.kv("n", n).kv("d", d).kv("s", randomText(random, 10)).kv("z", null).kv("o", new Object[] {1});
            }
            if (random.nextInt(5) == 0) {
                e.markers.add(randomText(random, 8));
                e.thrown = new IllegalStateException(randomText(random, 30));
            }
            ExportLogsServiceRequest request = Otlp.parse(layout, encoder.encode(format, e, 42, i));
            LogRecord r = Otlp.onlyRecord(request);
            String context = layout + " event " + i;
            assertEquals(expected(e.message), r.getBody().getStringValue(), context);
            assertEquals(e.level.name(), r.getSeverityText(), context);
            assertEquals(e.logger == null ? "" : expected(e.logger),
                    request.getResourceLogs(0).getScopeLogs(0).getScope().getName(), context);
            Map<String, AnyValue> a = Otlp.attributes(r.getAttributesList());
            assertEquals(Otlp.string(expected(e.thread)), a.get("thread.name"), context);
            for (Map.Entry<String, String> m : e.mdc.entrySet()) {
                assertEquals(Otlp.string(expected(m.getValue())), a.get(expected(m.getKey())), context);
            }
            if (withKeyValues) {
                assertEquals(Otlp.integer(n), a.get("n"), context);
                assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(a.get("d").getDoubleValue()), context);
                assertEquals(Otlp.string(expected((String) e.keyValues.get("s"))), a.get("s"), context);
                assertEquals(AnyValue.getDefaultInstance(), a.get("z"), context);
            }
            if (e.thrown != null) {
                assertEquals(Otlp.string(expected(e.thrown.getMessage())), a.get("exception.message"), context);
                assertEquals(Otlp.string(expected(e.markers.get(0))),
                        a.get("log.markers").getArrayValue().getValues(0), context);
            }
        }
    }
}
