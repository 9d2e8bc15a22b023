package dev.kafkaspool.encoding;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkaspool.pod.PodMetadata;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The record a Fluentd DaemonSet with the kubernetes_metadata filter produces from a container's
 * output: the printed line as {@code log} (time, level, thread, logger, message and stack trace),
 * {@code stream}, {@code time}, and the pod under {@code kubernetes} with the filter's names (label
 * keys with dots turned into {@code _}, as its {@code de_dot} did by default before 3.0; see
 * docs/records.md for why). Consumers written for that pipeline read these records unchanged; the
 * structured fields beside them are extra.
 */
final class FluentdLayoutWriter implements LayoutWriter {
    static final FluentdLayoutWriter INSTANCE = new FluentdLayoutWriter();

    private static final SerializedString LOG = new SerializedString("log");
    private static final SerializedString STREAM = new SerializedString("stream");
    private static final SerializedString STDOUT = new SerializedString("stdout");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString LOGGER = new SerializedString("logger");
    private static final SerializedString THREAD = new SerializedString("thread");
    private static final SerializedString EVENT_ID = new SerializedString("event_id");
    private static final SerializedString SEQUENCE = new SerializedString("sequence");
    private static final SerializedString TAGS = new SerializedString("tags");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString TRACE_ID = new SerializedString("trace_id");
    private static final SerializedString SPAN_ID = new SerializedString("span_id");
    private static final SerializedString TRACE_FLAGS = new SerializedString("trace_flags");
    private static final Set<String> RESERVED = Set.of("log", "stream", "time", "level", "logger", "thread",
            "event_id", "sequence", "tags", "attributes", "trace_id", "span_id", "trace_flags", "docker", "kubernetes", "service_name", "service_version",
            "service_environment");

    private FluentdLayoutWriter() {
    }

    @Override
    public void writeEventFields(EventEncoder enc, LogEventView e) throws IOException {
        JsonGenerator g = enc.generator();
        RecordFormat f = enc.format();
        StringBuilder line = enc.text();
        enc.appendIsoTimestamp(line, e);
        line.append(' ').append(Levels.name(e.level()));
        String thread = e.threadName();
        String logger = e.loggerName();
        if (thread != null) {
            line.append(" [").append(thread).append(']');
        }
        if (logger != null) {
            line.append(' ').append(logger);
        }
        line.append(" - ");
        int messageStart = line.length();
        e.formatMessage(line);
        int messageLength = line.length() - messageStart;
        if (messageLength > f.maxMessageLength) {
            line.setLength(messageStart + f.maxMessageLength);
            line.append(BoundedText.MARKER_PREFIX).append(messageLength - f.maxMessageLength)
                    .append(BoundedText.MARKER_SUFFIX);
        }
        Throwable t = e.thrown();
        if (t != null) {
            line.append('\n');
            enc.stackTraces().append(t, line, line.length() + f.maxStackTraceLength);
        }
        enc.writeBounded(LOG, line, f.maxMessageLength + f.maxStackTraceLength + 512);
        g.writeFieldName(STREAM);
        g.writeString(STDOUT);
        enc.writeIsoTimestamp(TIME, e);
        g.writeFieldName(LEVEL);
        g.writeString(Levels.name(e.level()));
        enc.writeBounded(LOGGER, logger, f.maxValueLength); // JSON null when unknown
        enc.writeBounded(THREAD, thread, f.maxValueLength);
        enc.writeEventId(EVENT_ID);
        g.writeFieldName(SEQUENCE);
        g.writeNumber(enc.sequence());
        JsonEntries entries = enc.entries();
        entries.writeMarkers(TAGS, e);
        entries.writeObject(ATTRIBUTES, e, false);
        entries.writeTrace(TRACE_ID, SPAN_ID, TRACE_FLAGS);
    }

    @Override
    public void writeStaticFields(JsonGenerator g, RecordFormat f) throws IOException {
        PodMetadata p = f.pod;
        boolean any = p.podName() != null || p.namespace() != null || p.nodeName() != null || p.containerName() != null
                || p.podUid() != null || p.podIp() != null || p.containerImage() != null || !p.labels().isEmpty()
                || !p.annotations().isEmpty();
        if (any) {
            g.writeObjectFieldStart("kubernetes");
            RecordFormat.writeIfKnown(g, "namespace_name", p.namespace());
            RecordFormat.writeIfKnown(g, "pod_name", p.podName());
            RecordFormat.writeIfKnown(g, "pod_id", p.podUid());
            RecordFormat.writeIfKnown(g, "pod_ip", p.podIp());
            RecordFormat.writeIfKnown(g, "container_name", p.containerName());
            RecordFormat.writeIfKnown(g, "container_image", p.containerImage());
            RecordFormat.writeIfKnown(g, "host", p.nodeName());
            RecordFormat.writeMap(g, "labels", p.labels(), true);
            RecordFormat.writeMap(g, "annotations", p.annotations(), true);
            g.writeEndObject();
        }
        if (p.containerId() != null) {
            g.writeObjectFieldStart("docker");
            g.writeStringField("container_id", p.containerId());
            g.writeEndObject();
        }
        RecordFormat.writeIfKnown(g, "service_name", f.serviceName);
        RecordFormat.writeIfKnown(g, "service_version", f.serviceVersion);
        RecordFormat.writeIfKnown(g, "service_environment", f.serviceEnvironment);
        f.writeExtraFields(g);
    }

    @Override
    public Set<String> reservedNames() {
        return RESERVED;
    }
}
