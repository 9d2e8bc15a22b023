package dev.kafkaspool.encoding;

import java.util.Arrays;

/**
 * Writes an exception's full stack trace as {@link Throwable#printStackTrace()} does: causes,
 * suppressed exceptions, frames in common with the enclosing trace elided, cycles cut. Safe with
 * exceptions whose {@code toString} or {@code getMessage} throws. Stops once the text passes a
 * limit; the encoder then truncates it with a marker.
 *
 * <p>Writes frames and headlines piece by piece into the caller's builder, so that a trace costs
 * only the copy of the frame array {@link Throwable#getStackTrace()} makes. One per encoder;
 * <b>not thread-safe</b>.
 */
final class StackTraceText {
    /** Whether a class has a {@code toString()} of its own; if not, the headline is written piecewise. */
    private static final ClassValue<Boolean> OWN_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("toString").getDeclaringClass() != Throwable.class;
            } catch (NoSuchMethodException | SecurityException e) {
                return Boolean.TRUE;
            }
        }
    };

    /** The exceptions written so far in this trace, to cut cycles; reused. */
    private Throwable[] seen = new Throwable[8];
    private int seenCount;

    /** Appends the trace of {@code t} to {@code out}, stopping soon after {@code limit} characters. */
    void append(Throwable t, StringBuilder out, int limit) {
        try {
            seenCount = 0;
            see(t);
            appendHeadline(t, out);
            StackTraceElement[] trace = framesOf(t);
            for (StackTraceElement frame : trace) {
                if (out.length() > limit) {
                    return;
                }
                out.append("\n\tat ");
                appendFrame(frame, out);
            }
            appendRelated(t, trace, "", out, limit);
        } finally {
            Arrays.fill(seen, 0, seenCount, null);
            seenCount = 0;
        }
    }

    /** Adds {@code t} to the exceptions seen; false when it was seen already. */
    private boolean see(Throwable t) {
        for (int i = 0; i < seenCount; i++) {
            if (seen[i] == t) {
                return false;
            }
        }
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seen.length * 2);
        }
        seen[seenCount++] = t;
        return true;
    }

    /** Writes a frame as {@link StackTraceElement#toString()} does, without building a string. */
    static void appendFrame(StackTraceElement frame, StringBuilder out) {
        String module = frame.getModuleName();
        if (module != null && !module.isEmpty()) {
            out.append(module);
            String version = frame.getModuleVersion();
            if (version != null && !version.isEmpty() && !module.startsWith("java.") && !module.startsWith("jdk.")) {
                out.append('@').append(version);
            }
            out.append('/');
        }
        out.append(frame.getClassName()).append('.').append(frame.getMethodName()).append('(');
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        if (frame.isNativeMethod()) {
            out.append("Native Method");
        } else if (file == null) {
            out.append("Unknown Source");
        } else {
            out.append(file);
            if (line >= 0) {
                out.append(':').append(line);
            }
        }
        out.append(')');
    }

    /** The text {@code toString()} gives, or a description when it throws. */
    static String describe(Throwable t) {
        try {
            return String.valueOf(t);
        } catch (RuntimeException | LinkageError e) {
            return t.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
        }
    }

    /** The exception's message, or a description when {@code getMessage()} throws. */
    static String messageOf(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return "(getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private void appendRelated(Throwable t, StackTraceElement[] enclosing, String indent, StringBuilder out,
                               int limit) {
        Throwable[] suppressed = suppressedOf(t);
        if (suppressed.length > 0) {
            String nested = indent + "\t";
            for (Throwable s : suppressed) {
                appendEnclosed(s, enclosing, "Suppressed: ", nested, out, limit);
            }
        }
        Throwable cause = causeOf(t);
        if (cause != null) {
            appendEnclosed(cause, enclosing, "Caused by: ", indent, out, limit);
        }
    }

    private void appendEnclosed(Throwable t, StackTraceElement[] enclosing, String caption, String indent,
                                StringBuilder out, int limit) {
        if (out.length() > limit) {
            return;
        }
        out.append('\n').append(indent).append(caption);
        if (!see(t)) {
            out.append("[CIRCULAR REFERENCE: ").append(describe(t)).append(']');
            return;
        }
        appendHeadline(t, out);
        StackTraceElement[] trace = framesOf(t);
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        for (int i = 0; i <= m; i++) {
            if (out.length() > limit) {
                return;
            }
            out.append('\n').append(indent).append("\tat ");
            appendFrame(trace[i], out);
        }
        if (inCommon != 0) {
            out.append('\n').append(indent).append("\t... ").append(inCommon).append(" more");
        }
        appendRelated(t, trace, indent, out, limit);
    }

    /** Writes what {@code toString()} gives, piecewise when the class keeps Throwable's own. */
    private static void appendHeadline(Throwable t, StringBuilder out) {
        if (OWN_TO_STRING.get(t.getClass())) {
            out.append(describe(t));
            return;
        }
        String message;
        try {
            message = t.getLocalizedMessage();
        } catch (RuntimeException | LinkageError e) {
            out.append(describe(t));
            return;
        }
        out.append(t.getClass().getName());
        if (message != null) {
            out.append(": ").append(message);
        }
    }

    private static StackTraceElement[] framesOf(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (RuntimeException | LinkageError e) {
            return new StackTraceElement[0];
        }
    }

    private static Throwable[] suppressedOf(Throwable t) {
        try {
            return t.getSuppressed();
        } catch (RuntimeException | LinkageError e) {
            return new Throwable[0];
        }
    }

    private static Throwable causeOf(Throwable t) {
        try {
            return t.getCause();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
