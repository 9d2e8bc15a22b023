package dev.kafkaspool.encoding;

/**
 * Receives the entries of one of an event's collections. The state argument is the encoder's, so
 * the visitor needs no capturing lambda.
 *
 * @param <S> the visitor's state
 */
@FunctionalInterface
public interface FieldVisitor<S> {
    void accept(String name, Object value, S state);
}
