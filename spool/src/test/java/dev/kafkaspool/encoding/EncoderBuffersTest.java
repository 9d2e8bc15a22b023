package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A logging thread that once logged a large event does not keep buffers of its size: the encoder
 * lets go of them at the next event. Without that, every thread's encoder held its largest event's
 * record and text for good (a few threads and a raised message limit made a heap of gigabytes).
 */
class EncoderBuffersTest {
    private static final int LARGE = 4 * 1024 * 1024;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    void buffersGrownForALargeEventAreLetGoAtTheNext(Layout layout) {
        RecordFormat format = RecordFormat.create(Records.config(layout)
                .set(EncodingSettings.MAX_MESSAGE_LENGTH, 2 * LARGE).build(), Records.POD);
        EventEncoder encoder = new EventEncoder();
        TestEvent small = new TestEvent();
        encoder.encode(format, small, 42, 1);
        long typical = encoder.retainedBufferSize();

        TestEvent large = new TestEvent();
        large.message = "x".repeat(LARGE);
        int recordSize = encoder.encode(format, large, 42, 2).valueLength();
        assertTrue(recordSize > LARGE, layout + ": the large message is in the record: " + recordSize);
        assertTrue(encoder.retainedBufferSize() > LARGE, "the buffers grew for it");

        encoder.encode(format, small, 42, 3);
        long after = encoder.retainedBufferSize();
        assertTrue(after <= typical + ByteSink.RETAINED + 2L * BoundedText.RETAINED,
                layout + ": after the next event the encoder keeps " + after + " bytes, before the large one "
                        + typical);
    }
}
