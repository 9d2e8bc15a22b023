package dev.kafkaspool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import dev.kafkaspool.pipeline.SettingCatalog;

/** Producer properties that conflict with the idempotent producer: resolved, each with a note. */
class ProducerConflictsTest {

    private static SpoolConfig.Builder withBrokers() {
        return SpoolConfig.builder().parse(SettingCatalog.find("bootstrapServers"), "h:1");
    }

    @Test
    void acksZeroOrOneGivesWayToAcksAllWithANoteNamingItAndWhy() {
        for (String acks : List.of("0", "1")) {
            SpoolConfig.Builder b = withBrokers().producerProperty("acks", acks);
            List<String> problems = b.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("acks=" + acks) && problems.get(0).contains("acks=all is used")
                    && problems.get(0).contains("enable.idempotence=false"), problems.get(0));
            Map<String, Object> props = b.buildWithDefaults().producerProperties();
            assertEquals("all", props.get("acks"));
            assertEquals("true", props.get("enable.idempotence"));
        }
    }

    @Test
    void retriesZeroIsLeftOutSoTheClientsDefaultApplies() {
        SpoolConfig.Builder b = withBrokers().producerProperty("retries", "0");
        assertTrue(b.problems().get(0).contains("retries=0"), b.problems().toString());
        assertEquals(null, b.buildWithDefaults().producerProperties().get("retries"));
    }

    @Test
    void withoutIdempotenceNothingConflictsAndTheValuesAreKept() {
        SpoolConfig.Builder b = withBrokers().producerProperty("acks", "0").producerProperty("retries", "0")
                .producerProperty("enable.idempotence", "false");
        assertEquals(List.of(), b.problems());
        Map<String, Object> props = b.build().producerProperties();
        assertEquals("0", props.get("acks"));
        assertEquals("0", props.get("retries"));
    }

    @Test
    void anOwnedPropertyGivenTheValueTheEngineSetsIsNoProblem() {
        SpoolConfig.Builder b = withBrokers().producerProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0");
        assertEquals(List.of(), b.problems());
        assertEquals("0", b.build().producerProperties().get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
    }
}
