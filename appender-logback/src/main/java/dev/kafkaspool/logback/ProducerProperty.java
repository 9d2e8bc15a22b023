package dev.kafkaspool.logback;

/**
 * One Kafka producer property written as {@code <producerProperty><name>..</name><value>..</value>
 * </producerProperty>} in {@code logback.xml}; the same as {@code <producerConfig>name=value</producerConfig>}.
 *
 * <p><b>Not thread-safe:</b> filled by Logback's configurator.
 */
public final class ProducerProperty {
    private String name;
    private String value;

    public ProducerProperty() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return name + "=[not shown]";
    }
}
