package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The application crash: the application logs with the broker up, the broker is killed, the
 * application logs on, stops logging, and one second later is killed itself (kill -9). The broker
 * is restarted and a new application is started on the same spool directory (it logs nothing); it
 * runs until every event the first one logged has arrived, or for a limit (60 s for the appenders
 * with a spool, 10 s for the others, which have nothing left to send), and is then stopped in order.
 */
final class CrashScenario {
    static final String NAME = "crash";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);

    private CrashScenario() {
    }

    static CrashResult run(AppenderCase appender, KafkaBroker broker, Path workDir, RunSettings settings)
            throws InterruptedException {
        String topic = NAME + "-" + appender.id();
        broker.createTopic(topic, settings.partitions());
        Path spoolDir = workDir.resolve(NAME + "-spool");
        long logged;
        try (ApplicationProcess first = ApplicationProcess.start(appender, NAME + "-first", workDir,
                broker.bootstrapServers(), topic, spoolDir)) {
            first.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            first.send(ApplicationProtocol.LOG + " " + settings.eventsPerSecond());
            Progress.say(appender, NAME, "logging at " + settings.eventsPerSecond() + "/s, broker up");
            Thread.sleep(settings.crashBrokerUp().toMillis());
            broker.kill();
            Progress.say(appender, NAME, "broker killed");
            Thread.sleep(settings.crashBrokerDown().toMillis());
            first.send(ApplicationProtocol.PAUSE);
            logged = first.await(ApplicationProtocol.PAUSED, ANSWER_TIMEOUT)[0];
            Thread.sleep(1000);
            first.kill();
            Progress.say(appender, NAME, "application killed (kill -9) after logging " + logged + " events");
        }
        broker.restart();
        Progress.say(appender, NAME, "broker back; a new application on the same spool directory");
        long secondStart = System.nanoTime();
        try (ApplicationProcess second = ApplicationProcess.start(appender, NAME + "-second", workDir,
                broker.bootstrapServers(), topic, spoolDir)) {
            second.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(appender.spools() ? 60 : 10).toNanos();
            while (System.nanoTime() - deadline < 0
                    && ArrivalCount.of(broker.consumeAll(topic, Duration.ofSeconds(30)), logged).arrived() < logged) {
                Thread.sleep(2000);
            }
            second.send(ApplicationProtocol.STOP);
            second.await(ApplicationProtocol.STOPPED, ANSWER_TIMEOUT);
            double secondSeconds = (System.nanoTime() - secondStart) / 1e9;
            String note = second.awaitExit(Duration.ofSeconds(30)) ? "" : "the new application did not exit; killed";
            ArrivalCount arrivals = SettledRead.of(broker, topic, logged);
            Progress.say(appender, NAME, arrivals.toString());
            return new CrashResult(arrivals, secondSeconds, note);
        }
    }
}
