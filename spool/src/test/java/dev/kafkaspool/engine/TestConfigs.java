package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import java.nio.file.Path;
import org.apache.kafka.common.KafkaException;

/** Engine configurations for tests: short timeouts, a given spool directory. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static SpoolConfig.Builder config(String bootstrapServers, Path spoolDir, Durability durability) {
        return SpoolConfig.builder()
                .set(EngineSettings.NAME, "test")
                .set(EngineSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                .set(EngineSettings.SPOOL_DIR, spoolDir)
                .set(EngineSettings.DURABILITY, durability)
                .parse(EngineSettings.STALL_TIMEOUT, "5s")
                .producerProperty("request.timeout.ms", "5000")
                .producerProperty("delivery.timeout.ms", "10000")
                .producerProperty("linger.ms", "5");
    }

    public static SpoolEngine start(SpoolConfig config, StatusListener status) {
        return SpoolEngine.builder(config).status(status).start();
    }

    /** An engine whose producer cannot be made (a cluster out of reach): every event it takes goes to the spool. */
    public static SpoolEngine startWithoutKafka(SpoolConfig config, StatusListener status) {
        return SpoolEngine.builder(config).status(status).producerFactory(props -> {
            throw new KafkaException("cluster out of reach");
        }).start();
    }
}
