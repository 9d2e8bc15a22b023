package dev.kafkaspool.inspect;

/**
 * A directory cannot be inspected as a spool: it does not exist, it holds no spool, or Chronicle
 * Queue cannot open it (for example because JVM flags are missing). The message says which.
 */
public final class SpoolNotReadableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpoolNotReadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
