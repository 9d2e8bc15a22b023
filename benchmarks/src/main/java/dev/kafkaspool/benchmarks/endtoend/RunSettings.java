package dev.kafkaspool.benchmarks.endtoend;

import java.time.Duration;

/**
 * The timeline of a run, read from system properties ({@code -Doutage.rate=2000} and so on); the
 * defaults keep a run of all appenders and scenarios to about a quarter of an hour.
 *
 * @param eventsPerSecond the rate the application logs at
 * @param partitions partitions of every topic
 * @param beforeOutage logging with the broker up before it is killed
 * @param outage logging with the broker killed, before its restart begins
 * @param afterOutage logging after the broker is back
 * @param crashBrokerUp crash scenario: logging with the broker up
 * @param crashBrokerDown crash scenario: logging with the broker killed, before the application is
 * @param throughputEvents throughput scenario: the events logged back to back
 * @param throughputLimit throughput scenario: the longest the burst may take; it stops there
 * @param throughputFromStart throughput scenario: the burst starts as soon as the application is
 *     ready, not once a first event is readable in the topic
 * @param messageLength characters of each logged message ({@link EventMessage})
 */
record RunSettings(int eventsPerSecond, int partitions, Duration beforeOutage, Duration outage, Duration afterOutage,
        Duration crashBrokerUp, Duration crashBrokerDown, int throughputEvents, Duration throughputLimit, boolean throughputFromStart, int messageLength) {

    static RunSettings fromSystemProperties() {
        return new RunSettings(
                Integer.getInteger("outage.rate", 2000),
                Integer.getInteger("outage.partitions", 3),
                seconds("outage.beforeSeconds", 10),
                seconds("outage.outageSeconds", 20),
                seconds("outage.afterSeconds", 10),
                seconds("outage.crashUpSeconds", 5),
                seconds("outage.crashDownSeconds", 5),
                Integer.getInteger("outage.throughputEvents", 300_000),
                seconds("outage.throughputSeconds", 30),
                Boolean.parseBoolean(System.getProperty("outage.throughputFromStart", "true")),
                EventMessage.length());
    }

    private static Duration seconds(String property, int defaultSeconds) {
        return Duration.ofSeconds(Integer.getInteger(property, defaultSeconds));
    }
}
