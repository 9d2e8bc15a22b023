package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.EncodedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * Reads OTLP records with OpenTelemetry's generated classes: {@code otlp_proto} with
 * {@code ExportLogsServiceRequest.parseFrom}, {@code otlp_json} with protobuf's strict JSON parser
 * (an unknown field is an error). Both must hold exactly one resource, scope and log record.
 */
public final class Otlp {
    private Otlp() {
    }

    /** Parses one record's value in the layout's encoding. */
    public static ExportLogsServiceRequest parse(Layout layout, byte[] value, int length) {
        try {
            if (layout == Layout.OTLP_PROTO) {
                return ExportLogsServiceRequest.parseFrom(Arrays.copyOf(value, length));
            }
            ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
            JsonFormat.parser().merge(new String(value, 0, length, StandardCharsets.UTF_8), b);
            return b.build();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a valid " + layout.configName() + " record: "
                    + new String(value, 0, length, StandardCharsets.UTF_8), e);
        }
    }

    static ExportLogsServiceRequest parse(Layout layout, EncodedEvent e) {
        return parse(layout, e.valueBytes(), e.valueLength());
    }

    /** The one log record of a request, checking there is exactly one of each level. */
    public static LogRecord onlyRecord(ExportLogsServiceRequest r) {
        assertEquals(1, r.getResourceLogsCount(), r.toString());
        ResourceLogs rl = r.getResourceLogs(0);
        assertEquals(1, rl.getScopeLogsCount(), r.toString());
        ScopeLogs sl = rl.getScopeLogs(0);
        assertEquals(1, sl.getLogRecordsCount(), r.toString());
        return sl.getLogRecords(0);
    }

    /** Attributes by key, in order, checking no key repeats. */
    public static Map<String, AnyValue> attributes(List<KeyValue> list) {
        Map<String, AnyValue> m = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            AnyValue previous = m.put(kv.getKey(), kv.getValue());
            assertEquals(null, previous, "the key " + kv.getKey() + " repeats in " + list);
        }
        return m;
    }

    /** String attributes as plain strings (other kinds as their protobuf text). */
    public static Map<String, String> strings(List<KeyValue> list) {
        Map<String, String> m = new LinkedHashMap<>();
        attributes(list).forEach((k, v) -> m.put(k, v.hasStringValue() ? v.getStringValue() : v.toString()));
        return m;
    }

    public static AnyValue string(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    public static AnyValue integer(long v) {
        return AnyValue.newBuilder().setIntValue(v).build();
    }
}
