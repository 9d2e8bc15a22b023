package dev.kafkaspool.pipeline;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.LogLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;


/**
 * The pipelines of this JVM that started and have not finished stopping, by name (the appender's
 * name): what a framework integration, such as a health check or a metrics binding, looks at. A
 * pipeline is listed from the end of {@link PipelineBuilder#start()} until its {@link
 * LogPipeline#stop} returned. Integrations see a read-only {@link View}: name, topic, state and
 * counters, never the pipeline itself. When two running pipelines share a name, the one started
 * last is listed.
 *
 * <p><b>Thread-safe.</b>
 */
public final class RunningPipelines {
    private static final ConcurrentMap<String, LogPipeline> BY_NAME = new ConcurrentHashMap<>();

    private RunningPipelines() {
    }

    static void register(LogPipeline pipeline) {
        BY_NAME.put(pipeline.config().name(), pipeline);
    }

    static void unregister(LogPipeline pipeline) {
        BY_NAME.remove(pipeline.config().name(), pipeline);
    }

    /** The running pipelines now, ordered by name. */
    public static List<View> list() {
        return BY_NAME.values().stream().map(View::new)
                .sorted(Comparator.comparing(View::name)).collect(Collectors.toUnmodifiableList());
    }

    /** The running pipeline of that name, if there is one now. */
    public static Optional<View> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(View::new);
    }

    /** What can be read of one running pipeline. <b>Thread-safe.</b> */
    public static final class View {
        private final LogPipeline pipeline;

        private View(LogPipeline pipeline) {
            this.pipeline = pipeline;
        }

        /** The appender's name, as in the JMX name and the meters' {@code appender} tag. */
        public String name() {
            return pipeline.config().name();
        }

        /** The topic of events below ERROR, as in the meters' {@code topic} tag. */
        public String topic() {
            return pipeline.format().topicFor(LogLevel.INFO);
        }

        public EngineState state() {
            return pipeline.state();
        }

        public EngineStats stats() {
            return pipeline.stats();
        }
    }
}
