package dev.kafkaspool.encoding;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkaspool.pod.PodMetadata;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Elastic Common Schema, as the ecs-logging spec has it: {@code @timestamp}, {@code log.level},
 * {@code message}, then {@code ecs.version} and the service fields; the MDC and key-values under
 * {@code labels} (keys sanitised as the spec says), the trace context as {@code trace.id},
 * {@code span.id}, {@code transaction.id}, markers as {@code tags}, and the pod under
 * {@code kubernetes} as Beats writes it (label and annotation keys with dots turned into {@code _}).
 */
final class EcsLayoutWriter implements LayoutWriter {
    static final EcsLayoutWriter INSTANCE = new EcsLayoutWriter();
    static final String ECS_VERSION = "8.11";

    private static final SerializedString TIMESTAMP = new SerializedString("@timestamp");
    private static final SerializedString LEVEL = new SerializedString("log.level");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString THREAD = new SerializedString("process.thread.name");
    private static final SerializedString LOGGER = new SerializedString("log.logger");
    private static final SerializedString EVENT_ID = new SerializedString("event.id");
    private static final SerializedString SEQUENCE = new SerializedString("event.sequence");
    private static final SerializedString ORIGIN = new SerializedString("log.origin");
    private static final SerializedString TAGS = new SerializedString("tags");
    private static final SerializedString LABELS = new SerializedString("labels");
    private static final SerializedString ERROR_TYPE = new SerializedString("error.type");
    private static final SerializedString ERROR_MESSAGE = new SerializedString("error.message");
    private static final SerializedString ERROR_STACK_TRACE = new SerializedString("error.stack_trace");
    private static final SerializedString TRACE_ID = new SerializedString("trace.id");
    private static final SerializedString SPAN_ID = new SerializedString("span.id");
    private static final SerializedString TRANSACTION_ID = new SerializedString("transaction.id");
    private static final Set<String> RESERVED = Set.of("@timestamp", "log.level", "message", "process.thread.name",
            "log.logger", "event.id", "event.sequence", "log.origin", "tags", "labels", "error.type",
            "error.message", "error.stack_trace", "ecs.version", "service.name", "service.version",
            "service.environment", "service.node.name", "event.dataset", "process.pid", "trace.id", "span.id",
            "transaction.id", "container.id", "container.image.name", "kubernetes", "encoding.error");

    private EcsLayoutWriter() {
    }

    @Override
    public void writeEventFields(EventEncoder enc, LogEventView e) throws IOException {
        JsonGenerator g = enc.generator();
        enc.writeIsoTimestamp(TIMESTAMP, e);
        g.writeFieldName(LEVEL);
        g.writeString(Levels.name(e.level()));
        enc.writeMessage(MESSAGE, e);
        g.writeRaw(enc.format().headFields);
        enc.writeStringIfKnown(THREAD, e.threadName());
        enc.writeStringIfKnown(LOGGER, e.loggerName());
        enc.writeEventId(EVENT_ID);
        g.writeFieldName(SEQUENCE);
        g.writeNumber(enc.sequence());
        StackTraceElement caller = e.callerData();
        if (caller != null) {
            g.writeFieldName(ORIGIN);
            g.writeStartObject();
            g.writeObjectFieldStart("file");
            g.writeStringField("name", caller.getFileName());
            g.writeNumberField("line", caller.getLineNumber());
            g.writeEndObject();
            g.writeStringField("function", caller.getMethodName());
            g.writeEndObject();
        }
        JsonEntries entries = enc.entries();
        entries.writeMarkers(TAGS, e);
        entries.writeObject(LABELS, e, true);
        entries.writeTrace(TRACE_ID, SPAN_ID, null);
        CharSequence transaction = entries.transactionId();
        if (transaction != null) {
            enc.writeBounded(TRANSACTION_ID, transaction, enc.format().maxValueLength);
        }
        enc.writeError(e, ERROR_TYPE, ERROR_MESSAGE, ERROR_STACK_TRACE);
    }

    /** The fields ECS wants right after {@code message}: the version, the service and the process. */
    @Override
    public void writeHeadFields(JsonGenerator g, RecordFormat f) throws IOException {
        g.writeStringField("ecs.version", ECS_VERSION);
        RecordFormat.writeIfKnown(g, "service.name", f.serviceName);
        RecordFormat.writeIfKnown(g, "service.version", f.serviceVersion);
        RecordFormat.writeIfKnown(g, "service.environment", f.serviceEnvironment);
        RecordFormat.writeIfKnown(g, "service.node.name", f.serviceNodeName);
        RecordFormat.writeIfKnown(g, "event.dataset", f.serviceName);
        g.writeNumberField("process.pid", f.pid);
    }

    /** The fallback record in ECS: the required fields, what failed, and the service and pod fields. */
    @Override
    public void writeFallback(EventEncoder enc, LogEventView e, Throwable failure) throws IOException {
        JsonGenerator g = enc.generator();
        g.writeStartObject();
        enc.writeIsoTimestamp(TIMESTAMP, e);
        g.writeFieldName(LEVEL);
        g.writeString(e.level() == null ? "ERROR" : Levels.name(e.level()));
        g.writeStringField("message", FALLBACK_MESSAGE + failure.getClass().getName());
        g.writeRaw(enc.format().headFields);
        enc.writeStringIfKnown(LOGGER, e.loggerName());
        enc.writeEventId(EVENT_ID);
        g.writeStringField("encoding.error", String.valueOf(StackTraceText.messageOf(failure)));
        g.writeRaw(enc.format().staticFields);
        g.writeEndObject();
    }

    @Override
    public void writeStaticFields(JsonGenerator g, RecordFormat f) throws IOException {
        PodMetadata p = f.pod;
        RecordFormat.writeIfKnown(g, "container.id", p.containerId());
        RecordFormat.writeIfKnown(g, "container.image.name", p.containerImage());
        boolean any = p.podName() != null || p.namespace() != null || p.nodeName() != null || p.containerName() != null
                || p.podUid() != null || p.podIp() != null || !p.labels().isEmpty() || !p.annotations().isEmpty();
        if (any) {
            g.writeObjectFieldStart("kubernetes");
            if (p.podName() != null || p.podUid() != null || p.podIp() != null) {
                g.writeObjectFieldStart("pod");
                RecordFormat.writeIfKnown(g, "name", p.podName());
                RecordFormat.writeIfKnown(g, "uid", p.podUid());
                RecordFormat.writeIfKnown(g, "ip", p.podIp());
                g.writeEndObject();
            }
            RecordFormat.writeIfKnown(g, "namespace", p.namespace());
            if (p.nodeName() != null) {
                g.writeObjectFieldStart("node");
                g.writeStringField("name", p.nodeName());
                g.writeEndObject();
            }
            if (p.containerName() != null) {
                g.writeObjectFieldStart("container");
                g.writeStringField("name", p.containerName());
                g.writeEndObject();
            }
            RecordFormat.writeMap(g, "labels", p.labels(), true);
            RecordFormat.writeMap(g, "annotations", p.annotations(), true);
            g.writeEndObject();
        }
        f.writeExtraFields(g);
    }

    @Override
    public Set<String> reservedNames() {
        return RESERVED;
    }
}
