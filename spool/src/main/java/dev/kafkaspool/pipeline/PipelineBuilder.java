package dev.kafkaspool.pipeline;

import dev.kafkaspool.config.InvalidConfigException;
import dev.kafkaspool.config.SecretMask;
import dev.kafkaspool.config.Setting;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
import dev.kafkaspool.engine.shipping.ProducerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.pod.PodMetadata;
import dev.kafkaspool.pod.PodMetadataReloader;
import dev.kafkaspool.pod.PodMetadataSource;
import dev.kafkaspool.pod.PodSettings;

/**
 * Collects settings by name, as appenders read them from configuration files, and starts the
 * pipeline. A setting that is unknown or not valid is reported on the status channel and left
 * at its default: a configuration mistake costs a clear message, never the application's start.
 */
public final class PipelineBuilder {
    private final SpoolConfig.Builder settings = SpoolConfig.builder();
    private final Map<String, String> producerProperties = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private StatusListener status = StatusListener.toStandardError();
    private ProducerFactory producerFactory;
    private PodMetadataSource podSource;
    private boolean encodedValues;
    private String encodedContentType;

    PipelineBuilder() {
    }

    /** Sets a setting by its documented name from its text in a configuration file. */
    public PipelineBuilder set(String name, String text) {
        Setting<?> setting = SettingCatalog.find(name);
        if (setting == null) {
            problems.add("unknown setting '" + name + "' is ignored; the settings are listed in docs/configuration.md");
        } else {
            settings.parse(setting, text);
        }
        return this;
    }

    /** Sets a typed value. */
    public <T> PipelineBuilder set(Setting<T> setting, T value) {
        settings.set(setting, value);
        return this;
    }

    /** A Kafka producer property, passed to the producer as given (security settings included). */
    public PipelineBuilder producerProperty(String key, String value) {
        settings.producerProperty(key, value);
        return this;
    }

    /**
     * Says that the appender hands over values its framework's encoder made ({@link LogPipeline#appendEncoded}):
     * records then carry {@code contentType} (no content-type header when null) and no layout header.
     */
    public PipelineBuilder encodedValues(String contentType) {
        this.encodedValues = true;
        this.encodedContentType = contentType;
        return this;
    }

    /** Where status messages go: the appender's bridge to its framework's status channel. */
    public PipelineBuilder status(StatusListener status) {
        this.status = status;
        return this;
    }

    /** Where pod metadata is read from, instead of the pod settings; for tests. */
    PipelineBuilder podSource(PodMetadataSource podSource) {
        this.podSource = podSource;
        return this;
    }

    /** How producers are made, instead of the Kafka client's; for tests. */
    PipelineBuilder producerFactory(ProducerFactory producerFactory) {
        this.producerFactory = producerFactory;
        return this;
    }

    /**
     * Reports every configuration problem as a warning and starts the pipeline with defaults in
     * place of the values that were not valid. Never fails for Kafka being unreachable.
     *
     * @throws InvalidConfigException only when a setting without a default is missing
     *     ({@code bootstrapServers}): there is nowhere to send events
     */
    public LogPipeline start() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(settings.problems());
        SpoolConfig config = settings.buildWithDefaults();
        // Setting errors quote values; a secret given in the wrong place must not show.
        status = SecretMask.of(config.producerProperties()).wrap(status);
        String name = config.name();
        for (String p : all) {
            status.warn("[" + name + "] configuration: " + p, null);
        }

        PodMetadataSource source = podSource != null ? podSource : PodSettings.source(config);
        PodMetadataReloader reloader = new PodMetadataReloader(source, status);
        RecordFormat first = format(config, reloader.current());
        for (String p : first.problems()) {
            status.warn("[" + name + "] " + p, null);
        }

        SpoolEngine.Builder engineBuilder = SpoolEngine.builder(config).status(status)
                .topic(first.topicFor(LogLevel.INFO)).topic(first.topicFor(LogLevel.ERROR));
        if (producerFactory != null) {
            engineBuilder.producerFactory(producerFactory);
        }
        (encodedValues ? first.staticHeadersForEncodedValues(encodedContentType) : first.staticHeaders())
                .forEach(engineBuilder::header);
        SpoolEngine engine = engineBuilder.start();

        return LogPipeline.start(config, engine, first, status, reloader, source.podInfoDir());
    }

    /** The record format, or, when the topic settings cannot make a legal topic name, the default topics. */
    private RecordFormat format(SpoolConfig config, PodMetadata pod) {
        try {
            return RecordFormat.create(config, pod);
        } catch (IllegalArgumentException e) {
            status.warn("[" + config.name() + "] configuration: " + e.getMessage() + "; events go to the topic '"
                    + EncodingSettings.TOPIC.defaultValue() + "' instead", e);
            settings.set(EncodingSettings.TOPIC, EncodingSettings.TOPIC.defaultValue());
            settings.set(EncodingSettings.ERROR_TOPIC, null);
            return RecordFormat.create(settings.buildWithDefaults(), pod);
        }
    }
}
