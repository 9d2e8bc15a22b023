package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private static KafkaBroker brokerOfBeforeAll;

    private final KafkaBroker brokerOfConstructor;

    KafkaBrokerExtensionTest(KafkaBroker broker) {
        this.brokerOfConstructor = broker;
    }

    @BeforeAll
    static void rememberBroker(KafkaBroker broker) {
        brokerOfBeforeAll = broker;
    }

    @Test
    void constructorBeforeAllAndTestMethodGetTheSameRunningBroker(KafkaBroker broker) {
        assertSame(brokerOfBeforeAll, brokerOfConstructor);
        assertSame(brokerOfBeforeAll, broker);
        assertTrue(broker.isRunning());
    }

    @Test
    void anOrderlyStopAndRestartKeepsTheAddressAndTheRecords(KafkaBroker broker) throws Exception {
        String topic = "stop-restart";
        broker.createTopic(topic, 3);
        List<String> beforeStop = TestRecords.numbered("before-stop", 0, 30);
        TestRecords.produceAcknowledged(broker, topic, beforeStop);
        String address = broker.bootstrapServers();

        broker.stop();
        assertFalse(broker.isRunning());
        broker.restart();
        assertEquals(address, broker.bootstrapServers());

        List<String> afterRestart = TestRecords.numbered("after-restart", 30, 60);
        TestRecords.produceAcknowledged(broker, topic, afterRestart);
        List<String> expected = new ArrayList<>(beforeStop);
        expected.addAll(afterRestart);
        assertEquals(sorted(expected), sorted(TestRecords.values(broker.consume(topic, 60, READ_TIMEOUT))));
    }

    @Test
    void copiesOfRecordsNeverStandInForRecordsNotReadYet(KafkaBroker broker) throws Exception {
        String topic = "with-copies";
        broker.createTopic(topic, 2);
        List<String> copied = TestRecords.numbered("copied", 0, 500);
        TestRecords.produceAcknowledged(broker.bootstrapServers(), topic, 0, copied);
        TestRecords.produceAcknowledged(broker.bootstrapServers(), topic, 0, copied);
        List<String> other = TestRecords.numbered("other", 0, 500);
        TestRecords.produceAcknowledged(broker.bootstrapServers(), topic, 1, other);

        // 1,000 distinct records are expected; the first partition alone holds 1,000 records.
        List<String> read = TestRecords.values(broker.consume(topic, 1_000, READ_TIMEOUT));

        assertEquals(1_500, read.size());
        assertTrue(read.containsAll(other), "every record of the second partition was read");
    }

    @Test
    void createTopicAppliesTheTopicConfigs(KafkaBroker broker) throws Exception {
        broker.createTopic("configured", 2, Map.of("retention.ms", "3600000"));
        assertEquals("3600000", topicConfig(broker, "configured", "retention.ms"));
    }

    @Test
    void topicsKeepRecordsWhateverTheirAge(KafkaBroker broker) throws Exception {
        broker.createTopic("unconfigured", 1);
        assertEquals("-1", topicConfig(broker, "unconfigured", "retention.ms"),
                "no time retention: test events carry a fixed, aging time");
    }

    @Test
    void theBrokerLogHoldsTheBrokersOwnLogging(KafkaBroker broker) throws Exception {
        String log = Files.readString(broker.logFile());
        assertTrue(log.contains("INFO") && log.contains("(kafka."), "Kafka's own INFO lines in " + broker.logFile());
    }

    @Test
    void testsRunWithTheNewerClientsAndWithoutTheBrokerJars() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("kafka.Kafka"));
        assertEquals(System.getProperty("expectedKafkaClientsVersion"), LibraryVersions.kafkaClients().version());
    }

    /** The value the broker gives for {@code key} of topic {@code name}. */
    private static String topicConfig(KafkaBroker broker, String name, String key) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            return config.get(key).value();
        }
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
