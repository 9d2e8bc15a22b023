package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The broker outage: the application logs at a steady rate; the broker is killed (kill -9), the
 * application keeps logging, the broker is restarted, the application keeps logging, then stops
 * in order. What arrived in the topic is compared with what was logged, and the application's
 * call durations are reported per phase. While the application logs, a {@link ThroughputSampler}
 * samples the events logged and acknowledged over time.
 */
final class OutageScenario {
    static final String NAME = "outage";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);

    private OutageScenario() {
    }

    static OutageResult run(AppenderCase appender, KafkaBroker broker, Path workDir, RunSettings settings)
            throws InterruptedException {
        String topic = NAME + "-" + appender.id();
        broker.createTopic(topic, settings.partitions());
        try (ApplicationProcess application = ApplicationProcess.start(appender, NAME, workDir,
                broker.bootstrapServers(), topic, workDir.resolve(NAME + "-spool"))) {
            application.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            ThroughputTimeline timeline;
            double restartMillis;
            try (ThroughputSampler sampler = ThroughputSampler.start(appender, application,
                    broker.bootstrapServers(), topic)) {
                application.send(ApplicationProtocol.LOG + " " + settings.eventsPerSecond());
                Progress.say(appender, NAME, "logging at " + settings.eventsPerSecond() + "/s, broker up");
                Thread.sleep(settings.beforeOutage().toMillis());
                application.send(ApplicationProtocol.PHASE + " outage");
                broker.kill();
                sampler.mark("kill -9", "down");
                Progress.say(appender, NAME, "broker killed");
                Thread.sleep(settings.outage().toMillis());
                sampler.mark("restart", "restarting");
                long restartStart = System.nanoTime();
                broker.restart();
                restartMillis = (System.nanoTime() - restartStart) / 1e6;
                sampler.mark("broker back", "up");
                application.send(ApplicationProtocol.PHASE + " after");
                Progress.say(appender, NAME, "broker back after a restart of " + Math.round(restartMillis) + " ms");
                Thread.sleep(settings.afterOutage().toMillis());
                timeline = sampler.stop();
            }
            application.send(ApplicationProtocol.STOP);
            long[] stopped = application.await(ApplicationProtocol.STOPPED, ANSWER_TIMEOUT);
            String note = application.awaitExit(Duration.ofSeconds(30)) ? "" : "the application did not exit; killed";
            ArrivalCount arrivals = SettledRead.of(broker, topic, stopped[0]);
            Progress.say(appender, NAME, arrivals.toString());
            return new OutageResult(arrivals, CallLatency.of(application.latency("before")),
                    CallLatency.of(application.latency("outage")), CallLatency.of(application.latency("after")),
                    stopped[1] / 1e6, restartMillis, timeline, note);
        }
    }
}
