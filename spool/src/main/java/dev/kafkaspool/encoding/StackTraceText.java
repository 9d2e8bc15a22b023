package dev.kafkaspool.encoding;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes an exception's full stack trace as {@link Throwable#printStackTrace()} does: causes,
 * suppressed exceptions, frames in common with the enclosing trace elided, cycles cut. Safe with
 * exceptions whose {@code toString} or {@code getMessage} throws. Stops once the text passes a
 * limit; the encoder then truncates it with a marker.
 */
final class StackTraceText {
    private StackTraceText() {
    }

    /** Appends the trace of {@code t} to {@code out}, stopping soon after {@code limit} characters. */
    static void append(Throwable t, StringBuilder out, int limit) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        appendHeadline(t, out);
        StackTraceElement[] trace = framesOf(t);
        for (StackTraceElement frame : trace) {
            if (out.length() > limit) {
                return;
            }
            out.append("\n\tat ").append(frame);
        }
        appendRelated(t, trace, "", out, limit, seen);
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

    private static void appendRelated(Throwable t, StackTraceElement[] enclosing, String indent, StringBuilder out,
                                      int limit, Set<Throwable> seen) {
        for (Throwable s : suppressedOf(t)) {
            appendEnclosed(s, enclosing, "Suppressed: ", indent + "\t", out, limit, seen);
        }
        Throwable cause = causeOf(t);
        if (cause != null) {
            appendEnclosed(cause, enclosing, "Caused by: ", indent, out, limit, seen);
        }
    }

    private static void appendEnclosed(Throwable t, StackTraceElement[] enclosing, String caption, String indent,
                                       StringBuilder out, int limit, Set<Throwable> seen) {
        if (out.length() > limit) {
            return;
        }
        out.append('\n').append(indent).append(caption);
        if (!seen.add(t)) {
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
            out.append('\n').append(indent).append("\tat ").append(trace[i]);
        }
        if (inCommon != 0) {
            out.append('\n').append(indent).append("\t... ").append(inCommon).append(" more");
        }
        appendRelated(t, trace, indent, out, limit, seen);
    }

    private static void appendHeadline(Throwable t, StringBuilder out) {
        out.append(describe(t));
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
