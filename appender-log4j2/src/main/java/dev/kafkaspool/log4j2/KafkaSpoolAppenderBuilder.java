package dev.kafkaspool.log4j2;

import dev.kafkaspool.config.EngineSettings;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kafkaspool.pipeline.SettingCatalog;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reads the {@code <KafkaSpool>} element. Every field below named after a setting is that
 * setting, passed to the engine as text; its format, default and meaning are defined once, in
 * the engine (see docs/configuration.md). Log4j's required {@code name} is the engine's
 * {@code name} setting.
 *
 * <p>Code sets them by name with {@link #setSetting}, not with one setter each.
 *
 * <p>Not thread-safe; Log4j uses one builder per configuration element.
 */
public class KafkaSpoolAppenderBuilder<B extends KafkaSpoolAppenderBuilder<B>> extends AbstractAppender.Builder<B>
        implements org.apache.logging.log4j.core.util.Builder<KafkaSpoolAppender> {

    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String bootstrapServers;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String durability;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String spoolDir;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String maxBytes;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String fullPolicy;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String blockTimeout;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String queueSize;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String queueMaxBytes;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String stopTimeout;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String stallTimeout;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String syncInterval;
    /** The built-in record layout; a nested Log4j layout element replaces it. */
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute("layout")
    private String recordLayout;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String topic;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String errorTopic;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String key;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String serviceName;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String serviceVersion;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String serviceEnvironment;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String serviceNodeName;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String maxMessageLength;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String maxValueLength;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String maxStackTraceLength;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String podNameEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String namespaceEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String podUidEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String podIpEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String nodeNameEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String containerNameEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String containerImageEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String serviceAccountEnv;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String podInfoDir;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute
    private String extraFields;

    /**
     * Caller data (class, method, file, line) in records. Off by default: finding it costs a
     * stack walk per event. The logger must capture it too ({@code includeLocation="true"}).
     */
    @PluginBuilderAttribute
    private boolean includeLocation;

    /** Sets a setting by its documented name, as in a configuration file. */
    public B setSetting(String name, String text) {
        Field field = settingField(name);
        if (field == null) {
            throw new IllegalArgumentException("no setting '" + name + "'");
        }
        try {
            field.set(this, text);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return asBuilder();
    }

    public B setIncludeLocation(boolean includeLocation) {
        this.includeLocation = includeLocation;
        return asBuilder();
    }

    /**
     * Starts the appender's pipeline, or joins the one already running on the same spool
     * directory. Returns null, after saying why on the StatusLogger, only when there is nowhere
     * to send events ({@code bootstrapServers} missing); every other problem is reported and
     * its default used.
     */
    @Override
    public KafkaSpoolAppender build() {
        String name = getName();
        if (name == null || name.isBlank()) {
            StatusLogger.getLogger().error("kafka-spool: a KafkaSpool appender has no name; it was not started");
            return null;
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            StatusLogger.getLogger().error("kafka-spool [" + name + "] configuration: '"
                    + EngineSettings.BOOTSTRAP_SERVERS.name() + "' is required: "
                    + EngineSettings.BOOTSTRAP_SERVERS.documentation()
                    + " The appender was not started; the application logs without it.");
            return null;
        }
        try {
            Layout<? extends Serializable> layout = getLayout();
            KafkaSpoolManager manager = KafkaSpoolManager.forSettings(new AppenderSettings(settings(name),
                    producerProperties(), layout == null ? null : contentType(layout), getConfiguration()));
            return new KafkaSpoolAppender(name, getFilter(), getLayout(), isIgnoreExceptions(), manager,
                    includeLocation);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("kafka-spool [" + name + "] could not start: " + e.getMessage()
                    + "; the application logs without this appender", e);
            return null;
        }
    }

    /** The layout's content type, with the charset a text layout writes in, as the record's header gives it. */
    private static String contentType(Layout<? extends Serializable> layout) {
        String type = layout.getContentType();
        if (layout instanceof StringLayout && type != null && !type.contains("charset=")) {
            type += "; charset=" + ((StringLayout) layout).getCharset().name();
        }
        return type;
    }

    private Map<String, String> settings(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(EngineSettings.NAME.name(), name);
        for (Field field : KafkaSpoolAppenderBuilder.class.getDeclaredFields()) {
            String setting = settingName(field);
            if (setting == null) {
                continue;
            }
            try {
                Object value = field.get(this);
                if (value != null) {
                    settings.put(setting, value.toString());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return settings;
    }

    private Map<String, String> producerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        Property[] array = getPropertyArray();
        if (array != null) {
            for (Property p : array) {
                properties.put(p.getName(), p.getValue());
            }
        }
        return properties;
    }

    /** The setting a field stands for, or null for a field that is not a setting. */
    private static String settingName(Field field) {
        PluginBuilderAttribute attribute = field.getAnnotation(PluginBuilderAttribute.class);
        if (attribute == null) {
            return null;
        }
        String name = attribute.value().isEmpty() ? field.getName() : attribute.value();
        return SettingCatalog.find(name) != null ? name : null;
    }

    private static Field settingField(String name) {
        for (Field field : KafkaSpoolAppenderBuilder.class.getDeclaredFields()) {
            if (name.equals(settingName(field))) {
                return field;
            }
        }
        return null;
    }

    /** The settings this builder accepts as attributes, by name; for tests. */
    static java.util.List<String> settingNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(EngineSettings.NAME.name());
        for (Field field : KafkaSpoolAppenderBuilder.class.getDeclaredFields()) {
            String setting = settingName(field);
            if (setting != null) {
                names.add(setting);
            }
        }
        return names;
    }
}
