package dev.kafkaspool.engine.shipping;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks Kafka why a topic stays missing from the producer's metadata. A producer that may not
 * block ({@code max.block.ms=0}) only ever says "not present in metadata", whatever the cause; an
 * admin client, with the producer's connection and security properties and a timeout of its own,
 * gets Kafka's answer: the topic does not exist, the client's principal is not authorised for it,
 * or no broker answers. Runs on a short-lived thread of its own ({@link #THREAD_PREFIX}), never on
 * the shipper or a logging thread.
 */
final class TopicDiagnosis {
    /** The prefix of the diagnosis thread's name and of its admin client's id. */
    static final String THREAD_PREFIX = "kafka-spool-diagnosis-";
    /** The name the Kafka client gives its admin client's network thread, before the client id. */
    static final String ADMIN_THREAD_PREFIX = "kafka-admin-client-thread | ";

    private TopicDiagnosis() {
    }

    /**
     * Kafka's answer about {@code topic}, as a sentence, or what kept it from answering within
     * {@code timeout}. Blocks up to about {@code timeout}; never throws.
     */
    static String describe(Map<String, Object> producerProperties, String clientId, String topic, Duration timeout) {
        Map<String, Object> adminProperties = adminProperties(producerProperties, clientId, timeout);
        try (Admin admin = Admin.create(adminProperties)) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            TopicDescription description = described.get(topic);
            return "Kafka says topic " + topic + " exists with " + description.partitions().size()
                    + " partition(s); the producer may still be fetching its metadata";
        } catch (ExecutionException e) {
            return answer(topic, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return "no broker answered an admin client's question about topic " + topic + " within "
                    + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the diagnosis of topic " + topic + " was interrupted";
        } catch (RuntimeException e) {
            return "an admin client could not ask about topic " + topic + ": " + e;
        }
    }

    private static String answer(String topic, Throwable cause) {
        if (cause instanceof TopicAuthorizationException) {
            return "Kafka says the client is not authorised for topic " + topic + " (an ACL must allow its "
                    + "principal WRITE and DESCRIBE on the topic): " + cause.getMessage();
        }
        if (cause instanceof UnknownTopicOrPartitionException) {
            return "Kafka says topic " + topic + " does not exist, and the broker does not create topics "
                    + "when they are first used: create it";
        }
        return "an admin client's question about topic " + topic + " failed: " + cause;
    }

    /** The producer's properties an admin client knows (connection, security), with a timeout of its own. */
    private static Map<String, Object> adminProperties(Map<String, Object> producerProperties, String clientId,
            Duration timeout) {
        Map<String, Object> admin = new HashMap<>();
        for (Map.Entry<String, Object> e : producerProperties.entrySet()) {
            // Config providers too: secrets may be references such as ${file:...} that they resolve.
            if (AdminClientConfig.configNames().contains(e.getKey()) || e.getKey().startsWith("config.providers")) {
                admin.put(e.getKey(), e.getValue());
            }
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, THREAD_PREFIX + clientId);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        admin.put(AdminClientConfig.RETRIES_CONFIG, 0);
        return admin;
    }
}
