package dev.kafkaspool.inspect;

/** A pending record in a spool cannot be read or decoded; the message names the file and the place. */
public final class SpoolDamagedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpoolDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
