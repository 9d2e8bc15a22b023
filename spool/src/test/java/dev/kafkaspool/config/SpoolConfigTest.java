package dev.kafkaspool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kafkaspool.pipeline.SettingCatalog;

class SpoolConfigTest {

    @Test
    void parsesSizesDurationsAndNames() {
        SpoolConfig c = SpoolConfig.builder()
                .parse(SettingCatalog.find("bootstrapServers"), "broker-1:9092, broker-2:9092")
                .parse(SettingCatalog.find("maxBytes"), "512MiB")
                .parse(SettingCatalog.find("stopTimeout"), "30s")
                .parse(SettingCatalog.find("durability"), "disk")
                .parse(SettingCatalog.find("fullPolicy"), "dropNewest")
                .build();
        assertEquals(512L << 20, c.maxBytes());
        assertEquals(Duration.ofSeconds(30), c.stopTimeout());
        assertEquals(Durability.DISK, c.durability());
        assertEquals(FullPolicy.DROP_NEWEST, c.fullPolicy());
        assertEquals(FullPolicy.DROP_OLDEST, SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1").build()
                .fullPolicy(), "defaults apply");
    }

    @Test
    void reportsEveryProblemAtOnceNamingEachSetting() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SpoolConfig.builder()
                .parse(SettingCatalog.find("maxBytes"), "lots")
                .parse(SettingCatalog.find("durability"), "paper")
                .producerProperty("max.block.ms", "60000")
                .build());
        List<String> problems = e.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'maxBytes'")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'durability'") && p.contains("memory or disk")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'max.block.ms'")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'bootstrapServers' is required")));
    }

    @Test
    void theEffectiveConfigurationMasksSecrets() {
        SpoolConfig c = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"app\" password=\"s3cret\";")
                .producerProperty("ssl.truststore.password", "changeit")
                .build();
        String shown = c.describe();
        assertFalse(shown.contains("s3cret"), shown);
        assertFalse(shown.contains("changeit"), shown);
        assertTrue(shown.contains("sasl.jaas.config=[hidden]"), shown);
    }

    @Test
    void keyMaterialTheKafkaClientTypesAsAPasswordIsMaskedToo() {
        SpoolConfig c = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----MIIEvQ")
                .producerProperty("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----MIIDdz")
                .build();
        String shown = c.describe();
        assertFalse(shown.contains("MIIEvQ"), shown);
        assertFalse(shown.contains("MIIDdz"), shown);
        assertTrue(shown.contains("ssl.keystore.key=[hidden]"), shown);
    }

    @Test
    void theEngineOwnsMaxBlockMsAndTheSerializers() {
        SpoolConfig c = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1").producerProperty("linger.ms", "50")
                .build();
        assertEquals("0", c.producerProperties().get("max.block.ms"));
        assertEquals("50", c.producerProperties().get("linger.ms"));
        assertEquals("all", c.producerProperties().get("acks"));
    }

    @Test
    void requestsInFlightPerConnectionAreTheEngines() {
        SpoolConfig c = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1").build();
        assertEquals("5", c.producerProperties().get("max.in.flight.requests.per.connection"));

        SpoolConfig notIdempotent = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("enable.idempotence", "false").build();
        assertEquals("1", notIdempotent.producerProperties().get("max.in.flight.requests.per.connection"),
                "without idempotence, retries would reorder a partition with more than one request in flight");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SpoolConfig.builder()
                .parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("max.in.flight.requests.per.connection", "10")
                .build());
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("'max.in.flight.requests.per.connection'")
                && e.problems().get(0).contains("in order"), e.problems().toString());
    }

    @Test
    void aPartitionerClassIsReportedAndNotUsed() {
        SpoolConfig.Builder b = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("partitioner.class", "com.example.MyPartitioner");
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertTrue(b.problems().get(0).contains("'partitioner.class' is not used"), b.problems().toString());
        assertNull(b.buildWithDefaults().producerProperties().get("partitioner.class"));
    }

    @Test
    void aLingerAsLongAsTheStallTimeoutIsReportedAndKept() {
        SpoolConfig.Builder b = SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1")
                .producerProperty("linger.ms", "10000");
        assertEquals(1, b.problems().size(), b.problems().toString());
        assertTrue(b.problems().get(0).contains("linger.ms=10000 is not below 'stallTimeout' (10000 ms)"),
                b.problems().toString());
        assertEquals("10000", b.buildWithDefaults().producerProperties().get("linger.ms"), "used as given");

        b.parse(SettingCatalog.find("stallTimeout"), "11s");
        assertEquals(List.of(), b.problems(), "below a longer stallTimeout");
        b.producerProperty("linger.ms", "9999").parse(SettingCatalog.find("stallTimeout"), "10s");
        assertEquals(List.of(), b.problems(), "below the default");
    }
}
