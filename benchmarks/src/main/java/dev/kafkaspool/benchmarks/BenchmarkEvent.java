package dev.kafkaspool.benchmarks;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;

/**
 * A typical service log event, as an appender's view presents it: a formatted message with two
 * parameters, three MDC entries, two key-value pairs, a marker, and optionally an exception with
 * a cause. Everything is created once; reading it allocates nothing, as a framework's event would
 * not on its garbage-free path.
 */
final class BenchmarkEvent implements LogEventView {
    private static final String[] MDC = {"traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7",
        "tenant", "acme"};
    private static final Throwable FAILURE = failure();
    private static final Long ORDER_ID = 421_337L;

    private final Throwable thrown;
    private final String filler;
    private final long orderId = 421_337;

    BenchmarkEvent(boolean withException) {
        this(withException, 0);
    }

    /** With {@code fillerChars} characters of plain text after the message's own (about 40). */
    BenchmarkEvent(boolean withException, int fillerChars) {
        this.thrown = withException ? FAILURE : null;
        StringBuilder sb = new StringBuilder();
        while (sb.length() < fillerChars) {
            sb.append(" lorem ipsum dolor sit amet, consectetur adipiscing elit");
        }
        this.filler = sb.substring(0, fillerChars);
    }

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
        return thrown == null ? LogLevel.INFO : LogLevel.ERROR;
    }

    @Override
    public String loggerName() {
        return "com.example.orders.OrderService";
    }

    @Override
    public String threadName() {
        return "http-nio-8080-exec-1";
    }

    @Override
    public void formatMessage(StringBuilder into) {
        into.append("order ").append(orderId).append(" accepted for customer ").append("c-1029").append(filler);
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
        for (int i = 0; i < MDC.length; i += 2) {
            visitor.accept(MDC[i], MDC[i + 1], state);
        }
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        visitor.accept("orderId", ORDER_ID, state);
        visitor.accept("channel", "web", state);
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        visitor.accept("AUDIT", null, state);
    }

    @Override
    public Throwable thrown() {
        return thrown;
    }

    @Override
    public StackTraceElement callerData() {
        return null;
    }

    private static Throwable failure() {
        IllegalStateException cause = new IllegalStateException("card expired");
        return new RuntimeException("payment failed", cause);
    }
}
