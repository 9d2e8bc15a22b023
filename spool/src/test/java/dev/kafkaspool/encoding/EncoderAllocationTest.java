package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.testbroker.Allocations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encoding a typical event allocates nothing on the logging thread once warmed up, in every layout:
 * counted with the JVM's per-thread allocation counter, not timed. The event's view reads from
 * arrays, so whatever is counted is the encoder's. Values whose text the JDK makes per call (a
 * double, an exception's stack trace, caller data) are left out: the framework pays for those.
 */
class EncoderAllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 20_000;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    void aTypicalEventAllocatesNothingOnceWarmedUp(Layout layout) {
        RecordFormat format = Records.format(layout);
        EventEncoder encoder = new EventEncoder();
        ArrayEvent event = new ArrayEvent();
        Allocations.assertAllocatesNothing(layout.toString(), WARM_UP, MEASURED, i -> encoder.encode(format, event, 42, i));
    }

    /** An event with MDC entries (trace context among them), key-values and a marker, read from arrays. */
    private static final class ArrayEvent implements LogEventView {
        private final String[] mdcKeys = {"requestId", "user", "trace_id", "span_id", "trace_flags"};
        private final String[] mdcValues = {"r-1", "u-9", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01"};
        private final String[] kvKeys = {"orderId", "retry", "status"};
        private final Object[] kvValues = {42L, Boolean.TRUE, "paid"};

        @Override
        public long epochSecond() {
            return 1_795_250_096L;
        }

        @Override
        public int nanoOfSecond() {
            return 123_456_789;
        }

        @Override
        public LogLevel level() {
            return LogLevel.INFO;
        }

        @Override
        public String loggerName() {
            return "com.example.OrderService";
        }

        @Override
        public String threadName() {
            return "http-nio-8080-exec-1";
        }

        @Override
        public void formatMessage(StringBuilder into) {
            into.append("order ").append(42).append(" paid with \u00e9\u20ac");
        }

        @Override
        public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
            for (int i = 0; i < mdcKeys.length; i++) {
                visitor.accept(mdcKeys[i], mdcValues[i], state);
            }
        }

        @Override
        public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
            for (int i = 0; i < kvKeys.length; i++) {
                visitor.accept(kvKeys[i], kvValues[i], state);
            }
        }

        @Override
        public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
            visitor.accept("AUDIT", null, state);
        }

        @Override
        public Throwable thrown() {
            return null;
        }

        @Override
        public StackTraceElement callerData() {
            return null;
        }
    }
}
