package dev.kafkaspool.engine.shipping;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A mock producer whose buffer the test fills: a send then fails at once, as with
 * {@code max.block.ms=0}. Unless made to complete every record, it leaves each one unanswered until
 * the test answers it, as a broker would: a flush sends, it does not answer.
 */
final class FullableProducer extends MockProducer<byte[], byte[]> {
    volatile boolean full;

    FullableProducer(boolean autoComplete) {
        super(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (full) {
            BufferExhaustedException e = new BufferExhaustedException("the buffer is full");
            callback.onCompletion(null, e);
            return CompletableFuture.failedFuture(e);
        }
        return super.send(record, callback);
    }

    /** Does nothing: {@code MockProducer}'s completes every record, where the test is the broker. */
    @Override
    public void flush() {
    }
}
