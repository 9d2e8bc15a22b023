package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Start-up with the broker down from the start: the application's bootstrap server is a local
 * port nothing listens on (every connection is refused at once). Measures how long the framework
 * takes to start, how long the first log call takes, and how long the framework then takes to stop.
 */
final class StartupScenario {
    static final String NAME = "startup";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(4);

    private StartupScenario() {
    }

    static StartupResult run(AppenderCase appender, Path workDir) throws InterruptedException {
        String bootstrapServers = "127.0.0.1:" + closedPort();
        try (ApplicationProcess application = ApplicationProcess.start(appender, NAME, workDir, bootstrapServers,
                NAME + "-" + appender.id(), workDir.resolve(NAME + "-spool"))) {
            long[] ready = application.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            Progress.say(appender, NAME, "framework ready, broker down; first log call");
            application.send(ApplicationProtocol.FIRST);
            long[] firstCall = application.await(ApplicationProtocol.FIRST_CALL, ANSWER_TIMEOUT);
            Progress.say(appender, NAME, "first call took " + Math.round(firstCall[0] / 1e6) + " ms; stopping");
            application.send(ApplicationProtocol.STOP);
            long[] stopped = application.await(ApplicationProtocol.STOPPED, ANSWER_TIMEOUT);
            String note = application.awaitExit(Duration.ofSeconds(30)) ? "" : "the application did not exit; killed";
            return new StartupResult(application.startToReadyMillis(), ready[0] / 1e6, firstCall[0] / 1e6,
                    stopped[1] / 1e6, note);
        }
    }

    /** A port that was free a moment ago: bound, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
