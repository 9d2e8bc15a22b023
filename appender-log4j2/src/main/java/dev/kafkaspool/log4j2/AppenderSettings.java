package dev.kafkaspool.log4j2;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.Setting;
import dev.kafkaspool.config.SpoolConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;
import dev.kafkaspool.pipeline.SettingCatalog;

/**
 * The settings one {@code <KafkaSpool>} element gives its pipeline, as the text the configuration
 * holds: settings by name and Kafka producer properties. Two configurations whose settings are
 * equal can share one running pipeline; the spool directory they resolve to names the pipeline,
 * since one owner at a time may hold it.
 *
 * <p>Also carries the Log4j configuration that asks for the pipeline, which is not part of the
 * settings' equality: it tells a reconfiguration from two appenders of one configuration.
 *
 * <p>Immutable; thread-safe. {@link #toString()} names the appender only: producer properties may
 * hold secrets.
 */
final class AppenderSettings {
    private final Map<String, String> settings;
    private final Map<String, String> producerProperties;
    private final String layoutContentType;
    private final Object configuration;

    /**
     * @param layoutContentType the content type of a nested Log4j layout, whose bytes become the
     *        record values; null when records use the built-in layout
     */
    AppenderSettings(Map<String, String> settings, Map<String, String> producerProperties,
            String layoutContentType, Object configuration) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.producerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(producerProperties));
        this.layoutContentType = layoutContentType;
        this.configuration = configuration;
    }

    /** True when both come from the same Log4j configuration (two appenders of one file). */
    boolean sameConfiguration(AppenderSettings other) {
        return configuration != null && configuration == other.configuration;
    }

    String name() {
        return settings.get(EngineSettings.NAME.name());
    }

    String text(String setting) {
        return settings.get(setting);
    }

    /** Starts a pipeline with these settings; problems go to the status listener. */
    LogPipeline start() {
        PipelineBuilder builder = LogPipeline.builder().status(Log4jStatus.INSTANCE);
        settings.forEach(builder::set);
        producerProperties.forEach(builder::producerProperty);
        if (layoutContentType != null) {
            builder.encodedValues(layoutContentType);
        }
        return builder.start();
    }

    /**
     * The spool directory these settings resolve to, default included, as the engine computes it.
     * Settings the engine cannot parse count as absent here; the engine reports them at start.
     */
    Path spoolDir() {
        SpoolConfig.Builder config = SpoolConfig.builder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            Setting<?> setting = SettingCatalog.find(e.getKey());
            if (setting != null && EngineSettings.all().contains(setting)) {
                config.parse(setting, e.getValue());
            }
        }
        return config.buildWithDefaults().spoolDir().toAbsolutePath().normalize();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AppenderSettings)) {
            return false;
        }
        AppenderSettings other = (AppenderSettings) o;
        return settings.equals(other.settings) && producerProperties.equals(other.producerProperties)
                && Objects.equals(layoutContentType, other.layoutContentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, producerProperties, layoutContentType);
    }

    @Override
    public String toString() {
        return "KafkaSpool settings of '" + name() + "'";
    }
}
