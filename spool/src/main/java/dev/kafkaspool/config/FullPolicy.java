package dev.kafkaspool.config;

/** What the spool does with a new event when it holds {@code maxBytes} already. */
public enum FullPolicy {
    /** Discard the oldest unshipped events to make room (counted as dropped, reason spoolFull). */
    DROP_OLDEST("dropOldest"),
    /** Discard the new event (counted as dropped, reason spoolFull). */
    DROP_NEWEST("dropNewest"),
    /** Make the log call wait up to {@code blockTimeout} for room, then discard the new event. */
    BLOCK("block");

    private final String configName;

    FullPolicy(String configName) {
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
