package dev.kafkaspool.pipeline;

import dev.kafkaspool.encoding.TestEvent;

/**
 * A plain log event as an appender's view would show it, from {@code com.example.Orders} on the
 * thread that appends it; {@link #duringFormat} runs inside the encoding.
 */
public class PipelineEvent extends TestEvent {
    Runnable duringFormat = () -> { };

    public PipelineEvent(String message) {
        super(message);
        time(1_795_250_096L, 0);
        logger("com.example.Orders");
    }

    @Override
    public String threadName() {
        return Thread.currentThread().getName();
    }

    @Override
    public void formatMessage(StringBuilder into) {
        duringFormat.run();
        super.formatMessage(into);
    }
}
