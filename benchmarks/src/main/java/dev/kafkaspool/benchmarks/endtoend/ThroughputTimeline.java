package dev.kafkaspool.benchmarks.endtoend;

import java.util.List;

/**
 * The outage scenario's timeline for one case: the samples of events logged and acknowledged
 * ({@link ThroughputSampler}) and the moments the broker was killed and restarted.
 */
record ThroughputTimeline(AppenderCase appender, List<ThroughputSample> samples, List<TimelineMark> marks) {

    /**
     * Acknowledged events per second over the interval that ends at each sample: the growth of the
     * topic's end offsets since the sample before, divided by the time between them. NaN for the
     * first sample and wherever this sample or the one before has no end offsets (broker down).
     */
    double[] acknowledgedPerSecond() {
        double[] rates = new double[samples.size()];
        for (int i = 0; i < rates.length; i++) {
            if (i == 0) {
                rates[i] = Double.NaN;
                continue;
            }
            ThroughputSample previous = samples.get(i - 1);
            ThroughputSample sample = samples.get(i);
            rates[i] = previous.acknowledgedKnown() && sample.acknowledgedKnown()
                    ? (sample.acknowledged() - previous.acknowledged()) / (sample.seconds() - previous.seconds())
                    : Double.NaN;
        }
        return rates;
    }

    /** The broker's state at {@code seconds}: the state after the last mark before it, {@code up} before any. */
    String brokerAt(double seconds) {
        String state = "up";
        for (TimelineMark mark : marks) {
            if (mark.seconds() <= seconds) {
                state = mark.brokerAfter();
            }
        }
        return state;
    }
}
