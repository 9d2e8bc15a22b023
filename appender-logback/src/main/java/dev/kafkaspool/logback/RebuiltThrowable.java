package dev.kafkaspool.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * An exception rebuilt from Logback's description of one, for events that no longer hold the
 * original: events deserialized from another process (a socket receiver) or made by hand. Its
 * {@code toString()} is the original's ({@code class: message}), its frames, causes and suppressed
 * exceptions are the original's; only {@code getClass()} is this class, so records carry the
 * original class name in the stack trace and this one in the error type.
 *
 * <p>Built on the logging thread for such events only. <b>Not shared between threads.</b>
 */
final class RebuiltThrowable extends Throwable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 64;

    private final String className;

    private RebuiltThrowable(String className, String message, Throwable cause) {
        super(message, cause, true, false);
        this.className = className;
    }

    static RebuiltThrowable of(IThrowableProxy proxy) {
        return of(proxy, 0);
    }

    private static RebuiltThrowable of(IThrowableProxy proxy, int depth) {
        IThrowableProxy causeProxy = depth < MAX_DEPTH ? proxy.getCause() : null;
        Throwable cause = causeProxy != null && causeProxy != proxy ? of(causeProxy, depth + 1) : null;
        RebuiltThrowable t = new RebuiltThrowable(proxy.getClassName(), proxy.getMessage(), cause);
        t.setStackTrace(frames(proxy.getStackTraceElementProxyArray()));
        if (depth < MAX_DEPTH) {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed != null) {
                for (IThrowableProxy s : suppressed) {
                    if (s != null && s != proxy) {
                        t.addSuppressed(of(s, depth + 1));
                    }
                }
            }
        }
        return t;
    }

    private static StackTraceElement[] frames(StackTraceElementProxy[] proxies) {
        if (proxies == null) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] frames = new StackTraceElement[proxies.length];
        for (int i = 0; i < proxies.length; i++) {
            frames[i] = proxies[i].getStackTraceElement();
        }
        return frames;
    }

    /** The original class's name. */
    String originalClassName() {
        return className;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message != null ? className + ": " + message : className;
    }
}
