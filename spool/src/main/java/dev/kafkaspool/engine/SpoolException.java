package dev.kafkaspool.engine;

/** A spool could not be opened or could not write. */
final class SpoolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
