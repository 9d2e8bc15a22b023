package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine names its threads and its producer's, so appenders can keep their logs out. */
class OwnThreadsTest {
    @TempDir
    Path dir;

    @Test
    void theShipperAndTheProducerNetworkThreadAreOwnThreadsAndTheCallerIsNot() {
        // A name of its own: the threads of other tests' engines, named after theirs, may still be ending.
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, Durability.MEMORY)
                .set(EngineSettings.NAME, "own-threads").build();
        try (SpoolEngine engine = TestConfigs.start(config, new RecordingStatus())) {
            assertFalse(engine.isOwnThread(Thread.currentThread()));
            Await.until(() -> threadNamed("kafka-producer-network-thread | kafka-spool-own-threads") != null,
                    Duration.ofSeconds(30), () -> "the producer started");
            assertTrue(engine.isOwnThread(threadNamed("kafka-spool-own-threads-shipper")));
            assertTrue(engine.isOwnThread(threadNamed("kafka-producer-network-thread | kafka-spool-own-threads")));
            assertTrue(engine.isOwnThread(threadNamed("kafka-spool-own-threads-producer-lifecycle")));
            // A topic diagnosis's admin client names its network thread after its client id.
            Thread adminNetwork = new Thread(() -> { },
                    "kafka-admin-client-thread | kafka-spool-diagnosis-kafka-spool-own-threads");
            assertTrue(engine.isOwnThread(adminNetwork));
            assertFalse(engine.isOwnThread(new Thread(() -> { }, "kafka-admin-client-thread | an-application-admin")));
        }
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(null);
    }
}
