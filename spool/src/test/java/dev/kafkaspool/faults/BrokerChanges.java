package dev.kafkaspool.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import dev.kafkaspool.testbroker.Await;

/**
 * What an operator changes on a running broker while an application logs: a client's produce
 * quota, a topic's partition count, a topic deleted. Each call returns once the broker says the
 * change is made, or throws.
 */
final class BrokerChanges {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private BrokerChanges() {
    }

    /** Limits what the client with {@code clientId} may produce, in bytes per second; null removes the limit. */
    static void producerByteRate(String bootstrapServers, String clientId, Double bytesPerSecond) {
        ClientQuotaEntity client = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
        ClientQuotaAlteration.Op op = new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond);
        run(bootstrapServers, admin -> admin.alterClientQuotas(List.of(new ClientQuotaAlteration(client, List.of(op))))
                .all().get());
    }

    /** Raises the partition count of {@code topic} to {@code total}. */
    static void addPartitions(String bootstrapServers, String topic, int total) {
        run(bootstrapServers, admin -> admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all().get());
    }

    /** Deletes {@code topic} and returns once the broker no longer describes it. */
    static void deleteTopic(String bootstrapServers, String topic) {
        run(bootstrapServers, admin -> {
            admin.deleteTopics(List.of(topic)).all().get();
            Await.until(() -> !exists(admin, topic), BOUND, () -> "the broker forgets topic " + topic);
            return null;
        });
    }

    /** The partition count of {@code topic}. */
    static int partitions(String bootstrapServers, String topic) {
        return run(bootstrapServers, admin -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().size());
    }

    private static boolean exists(Admin admin, String topic) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("describing " + topic + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> T run(String bootstrapServers, AdminCall<T> call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BOUND.toMillis()))) {
            return call.apply(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the admin call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private interface AdminCall<T> {
        T apply(Admin admin) throws ExecutionException, InterruptedException;
    }
}
