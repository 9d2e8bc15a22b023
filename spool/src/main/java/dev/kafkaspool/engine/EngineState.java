package dev.kafkaspool.engine;

/** What the engine is doing, as seen from outside. */
public enum EngineState {
    /** Started, no record acknowledged yet and nothing known to be wrong. */
    STARTING("starting"),
    /** Events go straight to Kafka; the spool is empty. */
    SHIPPING("shipping"),
    /** Kafka cannot take events; they go to the spool. */
    SPOOLING("spooling"),
    /** Kafka is back; the spool is being shipped, new events queue behind it. */
    DRAINING("draining"),
    /** Stopped; new events are dropped with reason stopped. */
    STOPPED("stopped");

    private final String displayName;

    EngineState(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
