package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.EngineStats;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * The {@code <KafkaSpool>} appender: ships each event as a record to Kafka, spooling to local disk
 * while Kafka cannot take it. The plugin only maps its configuration onto the engine's settings
 * (same names, see docs/configuration.md) and hands events to a {@link KafkaSpoolManager},
 * which owns the running pipeline across reconfigurations.
 *
 * <p>Records use the built-in layout chosen by the {@code layout} attribute ({@code ecs},
 * {@code otlp_json}, {@code otlp_proto}, {@code fluentd}), or, when a Log4j layout is nested in the element, that layout's
 * bytes as the record value. Nested {@code <Property name=".." value=".."/>} elements are Kafka
 * producer properties.
 *
 * <p><b>Thread-safe:</b> {@link #append} is called by any number of logging threads at once; each
 * thread reads its events with its own reused adapter.
 */
@Plugin(name = "KafkaSpool", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class KafkaSpoolAppender extends AbstractAppender {
    private final KafkaSpoolManager manager;
    private final ThreadLocal<ThreadEncoding> encodings;

    KafkaSpoolAppender(String name, Filter filter, Layout<? extends Serializable> layout,
            boolean ignoreExceptions, KafkaSpoolManager manager, boolean includeLocation) {
        super(name, filter, layout, ignoreExceptions, Property.EMPTY_ARRAY);
        this.manager = manager;
        this.encodings = ThreadLocal.withInitial(() -> new ThreadEncoding(includeLocation));
    }

    @PluginBuilderFactory
    public static <B extends KafkaSpoolAppenderBuilder<B>> B newBuilder() {
        return new KafkaSpoolAppenderBuilder<B>().asBuilder();
    }

    @Override
    public void append(LogEvent event) {
        if (manager.refuses()) {
            return; // the Kafka client's own logs, or an event logged inside this append
        }
        ThreadEncoding encoding = encodings.get();
        Log4jEventView view = encoding.adapter.wrap(event);
        try {
            Layout<? extends Serializable> layout = getLayout();
            if (layout == null) {
                manager.append(view);
            } else {
                LayoutOutput output = encoding.layoutOutput();
                output.reset();
                layout.encode(event, output);
                byte[] bytes = output.bytes();
                manager.appendEncoded(view, bytes, output.length());
            }
        } finally {
            view.clear();
        }
    }

    /** The counters of the pipeline this appender writes to. */
    public EngineStats stats() {
        return manager.stats();
    }

    KafkaSpoolManager manager() {
        return manager;
    }

    /** Starts, then runs made-up events through the append path once (nothing is shipped): see {@link #warmUp}. */
    @Override
    public void start() {
        super.start();
        warmUp();
    }

    /**
     * Reads and encodes the {@link Log4jWarmUpEvents} the way {@link #append} does, without handing
     * them on, so that the classes of the append path load now, on the thread that configures Log4j,
     * and not in the first log call of the first logging thread.
     */
    private void warmUp() {
        Log4jEventView adapter = new ThreadEncoding(false).adapter;
        for (LogEvent sample : Log4jWarmUpEvents.create()) {
            Log4jEventView view = adapter.wrap(sample);
            try {
                manager.pipeline().warmUp(view);
            } finally {
                view.clear();
            }
        }
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        stopped &= manager.stop(timeout, timeUnit);
        setStopped();
        return stopped;
    }

    /** One logging thread's reused objects. */
    private static final class ThreadEncoding {
        final Log4jEventView adapter;
        private LayoutOutput layoutOutput;

        ThreadEncoding(boolean includeLocation) {
            adapter = new Log4jEventView(includeLocation);
        }

        LayoutOutput layoutOutput() {
            if (layoutOutput == null) {
                layoutOutput = new LayoutOutput();
            }
            return layoutOutput;
        }
    }
}
