package dev.kafkaspool.engine.spool;

/** A spool could not be opened or could not write. */
public final class SpoolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
