package dev.kafkaspool.benchmarks;

import java.util.Arrays;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The records a drain sent, for {@link BareProducerBenchmark} to send again: their numbers in
 * arrays, their bytes in one array per field, so that holding them costs the garbage collector
 * next to nothing. Each record is made as it is sent, its value and header values copied into
 * arrays of their own, as an application serialising its events makes them.
 */
final class DrainedRecords {
    private final int[] partitions;
    private final long[] timestamps;
    private final Bytes values;
    private final String[] headerKeys;
    private final Bytes[] headerValues;

    DrainedRecords(int events, Header[] firstHeaders, long valueBytes, long[] headerValueBytes) {
        partitions = new int[events];
        timestamps = new long[events];
        values = new Bytes(events, valueBytes);
        headerKeys = new String[firstHeaders.length];
        headerValues = new Bytes[firstHeaders.length];
        for (int h = 0; h < firstHeaders.length; h++) {
            headerKeys[h] = firstHeaders[h].key();
            headerValues[h] = new Bytes(events, headerValueBytes[h]);
        }
    }

    void set(int i, ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        if (record.key() != null || headers.length != headerKeys.length) {
            throw new IllegalStateException("record " + i + " has a key or " + headers.length + " headers, the "
                    + "first none and " + headerKeys.length);
        }
        partitions[i] = record.partition();
        timestamps[i] = record.timestamp();
        values.add(record.value());
        for (int h = 0; h < headers.length; h++) {
            if (!headers[h].key().equals(headerKeys[h])) {
                throw new IllegalStateException("record " + i + " has header " + headers[h].key() + " where the "
                        + "first has " + headerKeys[h]);
            }
            headerValues[h].add(headers[h].value());
        }
    }

    ProducerRecord<byte[], byte[]> record(int i) {
        Header[] headers = new Header[headerKeys.length];
        for (int h = 0; h < headers.length; h++) {
            headers[h] = new RecordHeader(headerKeys[h], headerValues[h].get(i));
        }
        return new ProducerRecord<>(Kafka.TOPIC, partitions[i], timestamps[i], null, values.get(i),
                Arrays.asList(headers));
    }

    /** Byte strings, one after another in one array of their total length. */
    private static final class Bytes {
        private final int[] offsets;
        private final byte[] bytes;
        private int count;

        Bytes(int capacity, long totalBytes) {
            offsets = new int[capacity + 1];
            bytes = new byte[Math.toIntExact(totalBytes)];
        }

        void add(byte[] b) {
            int end = offsets[count];
            System.arraycopy(b, 0, bytes, end, b.length);
            offsets[++count] = end + b.length;
        }

        byte[] get(int i) {
            return Arrays.copyOfRange(bytes, offsets[i], offsets[i + 1]);
        }
    }
}
