package dev.kafkaspool.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.BrokerSecurity;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broker that authorises with ACLs, and a SASL user that may not write to a topic: the topic is
 * parked (its events wait in the spool, none dropped), a warning gives Kafka's answer: the client
 * is not authorised for the topic; once an administrator grants the ACL, all of them arrive, and
 * the ones logged after it too. An error topic without an ACL does not stop the main topic.
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TopicAclTest {

    private static final String USER = "orders";
    private static final String PASSWORD = "orders-secret-5e1a77";
    private static final String TOPIC = "acl-orders";
    private static final String DIAGNOSIS = "Kafka says the client is not authorised for topic " + TOPIC;

    // Clients on the plaintext listener (the test's own admin and consumer) and the broker's
    // controller connect as User:ANONYMOUS, made a super user; the SASL user gets only what the
    // ACLs grant.
    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.secured(BrokerSecurity.saslScram(USER, PASSWORD),
            Map.of("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "super.users", "User:ANONYMOUS"));

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    TopicAclTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void eventsWaitInTheSpoolUntilTheTopicIsAuthorised() throws Exception {
        broker.createTopic(TOPIC, 1);
        LogPipeline pipeline = SecuredPipeline.start("acl", broker.securedBootstrapServers(),
                broker.clientSecurity().properties(), dir.resolve("spool"), TOPIC, status);
        List<String> logged = new ArrayList<>();
        try {
            logged.addAll(Shipping.log(pipeline, "not authorised", 30));
            // Kafka answers (for other topics), so the topic is parked rather than taken for an outage.
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains(Shipping.PARKED_WARNING)));
            // The producer only says the topic is missing from its metadata; the engine asks Kafka why.
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains(DIAGNOSIS)));
            String diagnosis = status.problems().stream().filter(m -> m.contains(DIAGNOSIS)).findFirst().orElseThrow();
            Shipping.assertNames(diagnosis, "Topic authorization failed");
            logged.addAll(Shipping.log(pipeline, "still not authorised", 20));
            Shipping.assertHeldNotDropped(pipeline, 50);

            grantWrite(TOPIC, "User:" + USER);
            logged.addAll(Shipping.log(pipeline, "authorised", 10));
            Shipping.assertTopicHolds(broker, TOPIC, logged);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        assertEquals(60, pipeline.stats().shipped(), pipeline.stats().toString());
    }

    /**
     * Without any ACL the producer never gets the error topic's metadata; with DESCRIBE alone it
     * does, and Kafka refuses each produce (TopicAuthorizationException).
     */
    @ParameterizedTest(name = "describe allowed: {0}")
    @ValueSource(booleans = {false, true})
    void anErrorTopicWithoutAWriteAclDoesNotStopTheMainTopic(boolean describeAllowed) throws Exception {
        String main = "acl-main-" + describeAllowed;
        String errors = "acl-errors-" + describeAllowed;
        broker.createTopic(main, 1);
        broker.createTopic(errors, 1);
        grantWrite(main, "User:" + USER);
        if (describeAllowed) {
            grant(errors, "User:" + USER, AclOperation.DESCRIBE);
        }
        LogPipeline pipeline = SecuredPipeline.start("acl-errors", broker.securedBootstrapServers(),
                broker.clientSecurity().properties(), dir.resolve("spool"), main,
                Map.of("errorTopic", errors, "stallTimeout", "3s"), status);
        List<String> logged = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            for (int round = 1; round <= 5; round++) {
                logged.addAll(Shipping.log(pipeline, "main " + round, 10));
                failed.addAll(Shipping.logErrors(pipeline, "error " + round, 2));
            }
            // Every event of the main topic arrives while the error topic's wait.
            Shipping.assertTopicHoldsInOrder(broker, main, logged);
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains(Shipping.PARKED_WARNING)));
            Await.until(() -> pipeline.stats().shipped() == 50 && pipeline.stats().spoolEvents() == 10);
            assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
            System.out.println("error topic without a WRITE ACL, describe allowed: " + describeAllowed + ": "
                    + pipeline.stats());

            grantWrite(errors, "User:" + USER);
            failed.addAll(Shipping.logErrors(pipeline, "error after the grant", 3));
            Shipping.assertTopicHoldsInOrder(broker, errors, failed);
            Await.until(() -> pipeline.stats().shipped() == 63);
            System.out.println("error topic authorised, describe allowed before: " + describeAllowed + ": "
                    + pipeline.stats());
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        assertEquals(0, pipeline.stats().spoolEvents(), pipeline.stats().toString());
    }

    private void grant(String topic, String principal, AclOperation operation) throws Exception {
        ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createAcls(List.of(new AclBinding(resource, new AccessControlEntry(principal, "*", operation,
                    AclPermissionType.ALLOW)))).all().get();
        }
    }

    private void grantWrite(String topic, String principal) throws Exception {
        ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createAcls(List.of(
                    new AclBinding(resource, new AccessControlEntry(principal, "*", AclOperation.WRITE,
                            AclPermissionType.ALLOW)),
                    new AclBinding(resource, new AccessControlEntry(principal, "*", AclOperation.DESCRIBE,
                            AclPermissionType.ALLOW)))).all().get();
        }
    }
}
