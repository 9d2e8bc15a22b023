package dev.kafkaspool.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, what its value looks like, its default, its documentation and
 * how a text value is parsed and validated. Every key is defined once, in {@link EngineSettings};
 * appenders, the reference table in docs/configuration.md and status output all read these definitions.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {
    private final String name;
    private final String valueFormat;
    private final T defaultValue;
    private final String defaultDescription;
    private final String documentation;
    private final Function<String, T> parser;

    public Setting(String name, String valueFormat, T defaultValue, String defaultDescription,
            String documentation, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.valueFormat = Objects.requireNonNull(valueFormat);
        this.defaultValue = defaultValue;
        this.defaultDescription = defaultDescription;
        this.documentation = Objects.requireNonNull(documentation);
        this.parser = Objects.requireNonNull(parser);
    }

    /** The key, as written in {@code logback.xml} and {@code log4j2.xml}. */
    public String name() {
        return name;
    }

    /** What a valid value looks like, e.g. {@code size (256MiB)}. */
    public String valueFormat() {
        return valueFormat;
    }

    /** The default, or {@code null} when the setting is required or derived. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as shown to users. */
    public String defaultDescription() {
        return defaultDescription;
    }

    public boolean isRequired() {
        return defaultValue == null && defaultDescription == null;
    }

    public String documentation() {
        return documentation;
    }

    /**
     * Parses a text value.
     *
     * @throws IllegalArgumentException with a message that names this setting and the expected format
     */
    public T parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is empty; expected " + valueFormat);
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' = '" + text.trim() + "' is not valid: "
                    + e.getMessage() + "; expected " + valueFormat, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
