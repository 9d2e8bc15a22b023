package dev.kafkaspool.encoding;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kafkaspool.pod.PodMetadata;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The OpenTelemetry log data model, in the field names of OTLP's JSON encoding: timestamp as a
 * string of nanoseconds, severity number and text, the message as {@code body}, the logger as
 * the instrumentation {@code scope}, thread, caller, exception, MDC and key-values as
 * {@code attributes}, and the service, pod and extra fields as {@code resource} attributes.
 */
final class OtelLayoutWriter implements LayoutWriter {
    static final OtelLayoutWriter INSTANCE = new OtelLayoutWriter();

    private static final SerializedString TIME = new SerializedString("timeUnixNano");
    private static final SerializedString SEVERITY_NUMBER = new SerializedString("severityNumber");
    private static final SerializedString SEVERITY_TEXT = new SerializedString("severityText");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString SCOPE = new SerializedString("scope");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString RECORD_UID = new SerializedString("log.record.uid");
    private static final SerializedString SEQUENCE = new SerializedString("log.record.sequence");
    private static final SerializedString THREAD = new SerializedString("thread.name");
    private static final SerializedString MARKERS = new SerializedString("log.markers");
    private static final SerializedString EXCEPTION_TYPE = new SerializedString("exception.type");
    private static final SerializedString EXCEPTION_MESSAGE = new SerializedString("exception.message");
    private static final SerializedString EXCEPTION_STACKTRACE = new SerializedString("exception.stacktrace");
    private static final String[] OWN_ATTRIBUTES = {"log.record.uid", "log.record.sequence", "thread.name",
        "log.markers", "code.function.name", "code.file.path", "code.line.number", "exception.type",
        "exception.message", "exception.stacktrace"};

    private static final Set<String> RESOURCE_NAMES = Set.of("service.name", "service.version",
            "deployment.environment.name", "k8s.pod.name", "k8s.pod.uid", "k8s.pod.ip", "k8s.namespace.name",
            "k8s.node.name", "k8s.container.name");

    private OtelLayoutWriter() {
    }

    @Override
    public void writeEventFields(EventEncoder enc, LogEventView e) throws IOException {
        JsonGenerator g = enc.generator();
        enc.writeEpochNanos(TIME, e);
        g.writeFieldName(SEVERITY_NUMBER);
        g.writeNumber(Levels.severityNumber(e.level()));
        g.writeFieldName(SEVERITY_TEXT);
        g.writeString(Levels.name(e.level()));
        enc.writeMessage(BODY, e);
        g.writeFieldName(ATTRIBUTES);
        g.writeStartObject();
        enc.resetNames();
        for (String own : OWN_ATTRIBUTES) {
            enc.reserveName(own);
        }
        enc.writeEventId(RECORD_UID);
        g.writeFieldName(SEQUENCE);
        g.writeNumber(enc.sequence());
        enc.writeStringIfKnown(THREAD, e.threadName());
        StackTraceElement caller = e.callerData();
        if (caller != null) {
            g.writeStringField("code.function.name", caller.getClassName() + "." + caller.getMethodName());
            g.writeStringField("code.file.path", caller.getFileName());
            g.writeNumberField("code.line.number", caller.getLineNumber());
        }
        enc.writeMarkers(MARKERS, e);
        enc.writeError(e, EXCEPTION_TYPE, EXCEPTION_MESSAGE, EXCEPTION_STACKTRACE);
        enc.writeEntriesInline(e);
        g.writeEndObject();
        String logger = e.loggerName();
        if (logger != null) {
            g.writeFieldName(SCOPE);
            g.writeStartObject();
            enc.writeBounded(NAME, logger, enc.format().maxValueLength);
            g.writeEndObject();
        }
    }

    @Override
    public void writeStaticFields(JsonGenerator g, RecordFormat f) throws IOException {
        g.writeObjectFieldStart("resource");
        RecordFormat.writeIfKnown(g, "service.name", f.serviceName);
        RecordFormat.writeIfKnown(g, "service.version", f.serviceVersion);
        RecordFormat.writeIfKnown(g, "deployment.environment.name", f.serviceEnvironment);
        PodMetadata p = f.pod;
        RecordFormat.writeIfKnown(g, "k8s.pod.name", p.podName());
        RecordFormat.writeIfKnown(g, "k8s.pod.uid", p.podUid());
        RecordFormat.writeIfKnown(g, "k8s.pod.ip", p.podIp());
        RecordFormat.writeIfKnown(g, "k8s.namespace.name", p.namespace());
        RecordFormat.writeIfKnown(g, "k8s.node.name", p.nodeName());
        RecordFormat.writeIfKnown(g, "k8s.container.name", p.containerName());
        for (Map.Entry<String, String> l : p.labels().entrySet()) {
            g.writeStringField("k8s.pod.label." + l.getKey(), l.getValue());
        }
        for (Map.Entry<String, String> a : p.annotations().entrySet()) {
            g.writeStringField("k8s.pod.annotation." + a.getKey(), a.getValue());
        }
        f.writeExtraFields(g);
        g.writeEndObject();
    }

    @Override
    public Set<String> reservedNames() {
        return RESOURCE_NAMES;
    }
}
