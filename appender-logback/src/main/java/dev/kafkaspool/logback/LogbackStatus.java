package dev.kafkaspool.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAware;
import ch.qos.logback.core.status.OnPrintStreamStatusListenerBase;
import ch.qos.logback.core.status.StatusListener;

/**
 * The engine's status messages as Logback status messages of the appender: they reach the
 * context's status manager, never an appender.
 *
 * <p>Logback prints status messages on its own only while it configures (when there are warnings
 * or errors), or all along when a console status listener is registered ({@code debug="true"},
 * {@code <statusListener>}, Spring Boot's own). A problem found later, such as events dropped, an
 * outage or a stop at JVM exit, would reach nobody: once the appender has started, warnings and
 * errors are also printed on standard error, unless such a listener prints them already. The engine
 * reports each kind of problem once and then at growing intervals, so this does not flood.
 *
 * <p><b>Thread-safe</b>, as Logback's status manager is.
 */
final class LogbackStatus implements dev.kafkaspool.engine.StatusListener {
    private static final dev.kafkaspool.engine.StatusListener CONSOLE =
            dev.kafkaspool.engine.StatusListener.toStandardError();

    private final ContextAware origin;
    private volatile boolean started;

    LogbackStatus(ContextAware origin) {
        this.origin = origin;
    }

    /** From now on, warnings and errors also go to standard error (see the class comment). */
    void appenderStarted() {
        started = true;
    }

    @Override
    public void info(String message) {
        origin.addInfo(message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        origin.addWarn(message, cause);
        if (echo()) {
            CONSOLE.warn(message, cause);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        origin.addError(message, cause);
        if (echo()) {
            CONSOLE.error(message, cause);
        }
    }

    private boolean echo() {
        if (!started) {
            return false;
        }
        Context context = origin.getContext();
        if (context == null) {
            return true;
        }
        for (StatusListener listener : context.getStatusManager().getCopyOfStatusListenerList()) {
            if (listener instanceof OnPrintStreamStatusListenerBase) {
                return false;
            }
        }
        return true;
    }
}
