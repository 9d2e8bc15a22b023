package dev.kafkaspool.samples.demo;

import java.util.List;

/** The outcome of a demo run: what became of each service's events, and a few records that arrived. */
public final class DemoResult {

    private final List<ServiceOutcome> outcomes;
    private final List<RecordFields> sampleRecords;

    DemoResult(List<ServiceOutcome> outcomes, List<RecordFields> sampleRecords) {
        this.outcomes = List.copyOf(outcomes);
        this.sampleRecords = List.copyOf(sampleRecords);
    }

    /** One per service. */
    public List<ServiceOutcome> outcomes() {
        return outcomes;
    }

    /** A record of each service, and one with an exception. */
    public List<RecordFields> sampleRecords() {
        return sampleRecords;
    }

    /** Whether the services ran, and every event each logged arrived. */
    public boolean nothingLost() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(o -> o.sent() > 0 && o.lost() == 0);
    }
}
