package dev.kafkaspool.samples.demo;

import dev.kafkaspool.samples.service.ServiceReport;

/**
 * What became of one service's events: how many it logged, how many distinct ones arrived in
 * Kafka, and its appender's counters as it reported them when it stopped.
 */
public final class ServiceOutcome {

    private final String serviceName;
    private final String framework;
    private final long sent;
    private final long arrived;
    private final long duplicates;
    private final ServiceReport stats;
    private final long warmUpWorstCallNanos;
    private final long worstCallNanos;
    private final long worstCallWhileBrokerDownNanos;
    private final long callsOver1ms;

    ServiceOutcome(ServiceProcess process, ArrivedRecords arrivedRecords) {
        String name = process.service().serviceName();
        this.serviceName = name;
        this.framework = process.service().framework();
        this.stats = process.finalStats();
        this.sent = stats != null ? stats.number("sent") : process.sent();
        this.worstCallNanos = stats != null ? stats.number("worstCallNanos") : process.worstCallNanos();
        this.warmUpWorstCallNanos = stats != null ? stats.number("warmUpWorstCallNanos") : 0;
        this.callsOver1ms = stats != null ? stats.number("callsOver1ms") : 0;
        this.worstCallWhileBrokerDownNanos = process.worstCallWhileBrokerDownNanos();
        this.arrived = arrivedRecords.distinctEventIds(name);
        this.duplicates = arrivedRecords.duplicates(name);
    }

    public String serviceName() {
        return serviceName;
    }

    public String framework() {
        return framework;
    }

    /** Events the service logged. */
    public long sent() {
        return sent;
    }

    /** Distinct event ids of the service found in the topic. */
    public long arrived() {
        return arrived;
    }

    /** Sent but not arrived; 0 when nothing was lost. */
    public long lost() {
        return sent - arrived;
    }

    /** Records that arrived more than once (the same event id). */
    public long duplicates() {
        return duplicates;
    }

    /** Whether the service stopped and reported its appender's counters. */
    public boolean reportedStats() {
        return stats != null && stats.text("accepted") != null;
    }

    /** An appender counter from the service's last report ({@code spooled}, {@code drained}, ...); 0 if missing. */
    public long counter(String name) {
        return stats == null ? 0 : stats.number(name);
    }

    /** The longest log call of the first second (class loading, before the JIT compiler). */
    public long warmUpWorstCallNanos() {
        return warmUpWorstCallNanos;
    }

    /** The longest log call after the first second. */
    public long worstCallNanos() {
        return worstCallNanos;
    }

    /** Log calls after the first second that took longer than a millisecond. */
    public long callsOver1ms() {
        return callsOver1ms;
    }

    /** The longest log call reported while the broker was down or not ready again. */
    public long worstCallWhileBrokerDownNanos() {
        return worstCallWhileBrokerDownNanos;
    }
}
