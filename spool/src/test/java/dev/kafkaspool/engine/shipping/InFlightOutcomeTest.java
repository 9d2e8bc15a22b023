package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkaspool.engine.LogLevel;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

/**
 * The shipper reads an acknowledgement from the future {@code send} returned, and a failure from
 * the callback, which the producer's I/O thread runs before it completes the future. A failure
 * whose callback runs between the shipper's look at the outcome and its look at the future is a
 * failure, not an acknowledgement: the test's future runs the callback inside {@code isDone}, the
 * latest moment the I/O thread can.
 */
class InFlightOutcomeTest {
    private final InFlightWindow window = new InFlightWindow();
    private final InFlight f = new InFlight(window, null, InFlight.DIRECT, 0L, 1L, 1L, 1_700_000_000_000L,
            LogLevel.INFO, "logs", null, new byte[10]);

    @Test
    void aFailureReportedJustBeforeTheFutureIsSeenDoneIsAFailure() {
        NotEnoughReplicasException failure = new NotEnoughReplicasException("two of three nodes are down");
        f.sentAs(new CompletableFuture<>() {
            @Override
            public boolean isDone() {
                f.onCompletion(null, failure); // the I/O thread, just before it completes the batch
                return true;
            }
        });
        assertEquals(SendOutcome.FAILED, f.outcome());
        assertEquals(failure, f.failure());
        assertEquals(SendOutcome.FAILED, f.outcome(), "and stays so");
    }

    @Test
    void aFutureDoneWithoutAFailureIsAnAcknowledgement() {
        CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
        f.sentAs(answer);
        assertEquals(SendOutcome.PENDING, f.outcome(), "not answered yet");
        f.onCompletion(null, null); // the callback of an acknowledged record leaves nothing
        assertEquals(SendOutcome.PENDING, f.outcome(), "the future says when");
        answer.complete(null);
        assertEquals(SendOutcome.ACKED, f.outcome());
    }
}
