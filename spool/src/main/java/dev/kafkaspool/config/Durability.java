package dev.kafkaspool.config;

/** When an event reaches the local disk spool. */
public enum Durability {
    /**
     * Events wait in the in-memory queue and the producer's buffer while Kafka is healthy and go
     * to the spool only when it is not. An orderly stop flushes to Kafka or to the spool; only a
     * killed process can lose what was in memory.
     */
    MEMORY("memory"),
    /**
     * Every event is appended to the spool before the log call returns; the shipper thread ships
     * from the spool. A killed process loses nothing whose log call returned; a node that loses
     * power, at most the events of the last {@code syncInterval}.
     */
    DISK("disk");

    private final String configName;

    Durability(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files. */
    public String configName() {
        return configName;
    }

    @Override
    public String toString() {
        return configName;
    }
}
