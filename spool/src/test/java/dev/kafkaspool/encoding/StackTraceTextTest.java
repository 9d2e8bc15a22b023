package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class StackTraceTextTest {
    private final StackTraceText text = new StackTraceText();

    private static String printed(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }

    private String written(Throwable t) {
        StringBuilder sb = new StringBuilder();
        text.append(t, sb, Integer.MAX_VALUE);
        return sb.toString();
    }

    @Test
    void writesWhatPrintStackTracePrintsWithJdkFramesCausesAndSuppressed() {
        RuntimeException failure = new RuntimeException("payment failed", new IllegalStateException("card expired"));
        failure.addSuppressed(new java.io.UncheckedIOException("close failed", new java.io.IOException("disk")));
        failure.getCause().addSuppressed(new IllegalArgumentException());
        assertTrue(printed(failure).contains("java.base/"), "the trace has JDK frames with their module");
        assertEquals(printed(failure), written(failure));
    }

    @Test
    void keepsAnExceptionsOwnToStringAndCutsCycles() {
        Exception a = new Exception("a") {
            @Override
            public String toString() {
                return "custom text of a";
            }
        };
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertEquals(printed(b), written(b));
        assertEquals(printed(b), written(b), "the same encoder writes the next trace alike");
    }
}
