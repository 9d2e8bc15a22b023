package dev.kafkaspool.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.kafkaspool.engine.StatusListener;

/**
 * The engine's status messages as Logback status messages of the appender: they reach the
 * context's status manager (shown with {@code <configuration debug="true">}, a status listener, or
 * on errors at start), never an appender.
 *
 * <p><b>Thread-safe</b>, as Logback's status manager is.
 */
final class LogbackStatus implements StatusListener {
    private final ContextAware origin;

    LogbackStatus(ContextAware origin) {
        this.origin = origin;
    }

    @Override
    public void info(String message) {
        origin.addInfo(message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        origin.addWarn(message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        origin.addError(message, cause);
    }
}
