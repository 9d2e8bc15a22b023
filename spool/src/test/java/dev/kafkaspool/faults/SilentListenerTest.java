package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.testbroker.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap address is a listener that accepts connections and never answers (a wrong port, a
 * TLS port reached in plaintext, a proxy with nothing behind it): the producer is connected, but no
 * broker answers it. That is an outage, not a topic missing while Kafka answers: the events wait
 * in the spool under a warning that Kafka is not taking events, and the topic is not parked.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SilentListenerTest {
    @TempDir
    Path dir;

    @Test
    void aListenerThatNeverAnswersIsAnOutageNotAMissingTopic() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> acceptAndRead(silent, accepted), "silent-listener");
            acceptor.setDaemon(true);
            acceptor.start();
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "silent")
                    .set("bootstrapServers", "127.0.0.1:" + silent.getLocalPort())
                    .set("spoolDir", dir.resolve("spool").toString()).set("topic", "logs").set("stallTimeout", "2s")
                    .set("podInfoDir", dir.resolve("none").toString()).start();
            try {
                for (int i = 1; i <= 20; i++) {
                    assertTrue(pipeline.append(new PipelineEvent("waiting " + i)));
                }
                Await.until(() -> status.warnings().stream().anyMatch(m -> m.contains("Kafka is not taking events")),
                        Duration.ofSeconds(60), () -> "an outage warning: " + status.messages());
                assertFalse(accepted.isEmpty(), "the producer connected to the listener");
                assertFalse(status.warnings().stream().anyMatch(m -> m.contains("parked")),
                        "the topic is not parked: " + status.warnings());
                EngineStats stats = pipeline.stats();
                assertEquals(0, stats.shipped(), stats.toString());
                assertEquals(0, stats.droppedTotal(), stats.toString());
                assertEquals(20, stats.accepted(), stats.toString());
            } finally {
                pipeline.stop(Duration.ofSeconds(5));
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    /** Accepts every connection and reads what comes, answering nothing, until the socket closes. */
    private static void acceptAndRead(ServerSocket silent, List<Socket> accepted) {
        while (!silent.isClosed()) {
            try {
                Socket s = silent.accept();
                accepted.add(s);
                Thread reader = new Thread(() -> drain(s), "silent-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void drain(Socket s) {
        byte[] buffer = new byte[4096];
        try (InputStream in = s.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // nothing is answered
            }
        } catch (IOException e) {
            // closed by the test or the client
        }
    }
}
