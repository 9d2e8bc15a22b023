package dev.kafkaspool.encoding;

import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.LogLevel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkaspool.pod.PodMetadata;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Everything about a record that is the same for every event of an appender: the layout, limits,
 * topics, key strategy, and the pod and service fields, serialised once. Immutable and shared by
 * all encoders; a new one is made when the pod's labels or annotations change.
 */
public final class RecordFormat {

    final Layout layout;
    final LayoutWriter writer;
    final int maxMessageLength;
    final int maxValueLength;
    final int maxStackTraceLength;
    final String serviceName;
    final String serviceVersion;
    final String serviceEnvironment;
    final String serviceNodeName;
    /** This process's id. */
    final long pid;
    final PodMetadata pod;
    final String topic;
    final String errorTopic;
    final KeyStrategy key;
    final byte[] podKey;
    /** The static fields as JSON members, with a leading comma; empty when there are none. */
    final SerializedString staticFields;
    /** The static fields a layout writes early in the record, as JSON members with a leading comma; often empty. */
    final SerializedString headFields;
    /** What every record of a layout that is not JSON has with the same value (OTLP protobuf: the resource). */
    final byte[] staticBytes;
    /** Extra fields that may be written (no collision with the layout's own names). */
    final Map<String, String> extraFields;
    private final List<String> problems;

    private RecordFormat(SpoolConfig config, PodMetadata pod) {
        List<String> notes = new ArrayList<>();
        Layout configured = config.get(EncodingSettings.LAYOUT);
        this.layout = configured.canonical();
        if (configured != layout) {
            notes.add("layout '" + configured.configName() + "' is deprecated: records are written as '"
                    + layout.configName() + "' (OTLP's JSON encoding, which the OpenTelemetry Collector reads); "
                    + "write " + layout.configName());
        }
        this.writer = LayoutWriter.of(layout);
        this.maxMessageLength = config.get(EncodingSettings.MAX_MESSAGE_LENGTH);
        this.maxValueLength = config.get(EncodingSettings.MAX_VALUE_LENGTH);
        this.maxStackTraceLength = config.get(EncodingSettings.MAX_STACK_TRACE_LENGTH);
        this.serviceName = config.get(EncodingSettings.SERVICE_NAME);
        this.serviceVersion = config.get(EncodingSettings.SERVICE_VERSION);
        this.serviceEnvironment = config.get(EncodingSettings.SERVICE_ENVIRONMENT);
        this.serviceNodeName = config.get(EncodingSettings.SERVICE_NODE_NAME);
        this.pid = ProcessHandle.current().pid();
        this.pod = pod;
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("kubernetes.namespace", pod.namespace());
        placeholders.put("kubernetes.pod.name", pod.podName());
        placeholders.put("kubernetes.container.name", pod.containerName());
        placeholders.put("kubernetes.node.name", pod.nodeName());
        placeholders.put("service.name", serviceName);
        this.topic = TopicTemplate.resolve(config.get(EncodingSettings.TOPIC), placeholders, notes);
        String errors = config.get(EncodingSettings.ERROR_TOPIC);
        this.errorTopic = errors == null ? topic : TopicTemplate.resolve(errors, placeholders, notes);
        this.key = config.get(EncodingSettings.KEY);
        String podKeyText = pod.podName() != null ? pod.podName() : "";
        this.podKey = podKeyText.getBytes(StandardCharsets.UTF_8);
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pod.extraFields().entrySet()) {
            if (writer.reservedNames().contains(e.getKey())) {
                notes.add("extra field '" + e.getKey() + "' is a field of the " + layout.configName()
                        + " layout itself; it is left out, pick another name");
            } else {
                extras.put(e.getKey(), e.getValue());
            }
        }
        this.extraFields = Collections.unmodifiableMap(extras);
        this.staticFields = new SerializedString(serialise(false));
        this.headFields = new SerializedString(serialise(true));
        this.staticBytes = writer.staticBytes(this);
        this.problems = List.copyOf(notes);
    }

    /**
     * Makes the format from the encoding settings in {@code config} and where the records come from.
     *
     * @throws IllegalArgumentException when the topic cannot be made a legal name
     */
    public static RecordFormat create(SpoolConfig config, PodMetadata pod) {
        return new RecordFormat(config, pod);
    }

    /** What was adjusted while making the format (topic names, dropped extra fields), for the status channel. */
    public List<String> problems() {
        return problems;
    }

    public Layout layout() {
        return layout;
    }

    /** The topic events of this level go to. */
    public String topicFor(LogLevel level) {
        return level.compareTo(LogLevel.ERROR) >= 0 ? errorTopic : topic;
    }

    /**
     * The headers every record of this format carries, for the engine: content type (the layout's:
     * {@code application/json}, or {@code application/x-protobuf} for {@code otlp_proto}), layout, and the
     * pod, namespace and container where known.
     */
    public Map<String, byte[]> staticHeaders() {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put("content-type", layout.contentType().getBytes(StandardCharsets.US_ASCII));
        h.put("log.layout", layout.configName().getBytes(StandardCharsets.US_ASCII));
        putPodHeaders(h);
        return h;
    }

    /**
     * The headers every record carries when a framework's encoder or layout makes the value instead
     * of this format's layout: {@code contentType} when the encoder says what it writes (none when
     * null), no {@code log.layout} (the value is in none of the built-in layouts), and the pod,
     * namespace and container where known.
     */
    public Map<String, byte[]> staticHeadersForEncodedValues(String contentType) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        if (contentType != null && !contentType.isBlank()) {
            h.put("content-type", contentType.getBytes(StandardCharsets.UTF_8));
        }
        putPodHeaders(h);
        return h;
    }

    private void putPodHeaders(Map<String, byte[]> h) {
        putIfKnown(h, "k8s.pod.name", pod.podName());
        putIfKnown(h, "k8s.namespace.name", pod.namespace());
        putIfKnown(h, "k8s.container.name", pod.containerName());
    }

    private static void putIfKnown(Map<String, byte[]> h, String key, String value) {
        if (value != null && !value.isEmpty()) {
            h.put(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String serialise(boolean head) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            if (head) {
                writer.writeHeadFields(g, this);
            } else {
                writer.writeStaticFields(g, this);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the static fields", e);
        }
        String object = out.toString();
        String members = object.substring(1, object.length() - 1);
        return members.isEmpty() ? "" : "," + members;
    }

    /** Writes a string field only when the value is known. */
    static void writeIfKnown(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    /** Writes a map as an object field, keys with dots replaced by {@code _} when {@code dedot}. */
    static void writeMap(JsonGenerator g, String name, Map<String, String> map, boolean dedot) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(dedot ? e.getKey().replace('.', '_') : e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes the extra fields as top-level members. */
    void writeExtraFields(JsonGenerator g) throws IOException {
        for (Map.Entry<String, String> e : extraFields.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
    }
}
