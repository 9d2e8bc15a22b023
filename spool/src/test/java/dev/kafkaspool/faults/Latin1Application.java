package dev.kafkaspool.faults;

import java.nio.charset.Charset;
import java.time.Duration;

import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;

/**
 * A child JVM for {@link DefaultCharsetTest}: prints its default charset, then logs
 * {@value #EVENTS} events whose message, thread name, MDC entry and exception hold text outside
 * ASCII, through a pipeline to the broker at {@code args[0]} (spool {@code args[1]}, topic
 * {@code args[2]}), stops the pipeline and prints {@code done}.
 */
public final class Latin1Application {
    static final int EVENTS = 20;
    static final String TEXT = "Grüße aus Köln – 東京 😀 \u00e9t\u00e9";

    private Latin1Application() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("charset " + Charset.defaultCharset().name());
        LogPipeline pipeline = LogPipeline.builder()
                .set("name", "latin1")
                .set("bootstrapServers", args[0])
                .set("spoolDir", args[1])
                .set("topic", args[2])
                .set("podInfoDir", args[1] + "-no-podinfo")
                .start();
        Thread worker = new Thread(() -> {
            for (int i = 1; i <= EVENTS; i++) {
                pipeline.append(new TextEvent(i + " " + TEXT));
            }
        }, "Arbeiter-" + TEXT);
        worker.start();
        worker.join();
        pipeline.stop(Duration.ofSeconds(30));
        System.out.println("done " + pipeline.stats().shipped());
        System.out.println("stats " + pipeline.stats());
    }

    /** An event with the text in its message, its thread's name, an MDC entry and an exception. */
    private static final class TextEvent extends PipelineEvent {
        TextEvent(String message) {
            super(message);
        }

        @Override
        public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
            visitor.accept("städte", TEXT, state);
        }

        @Override
        public Throwable thrown() {
            return new IllegalStateException(TEXT);
        }
    }
}
