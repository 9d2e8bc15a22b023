package dev.kafkaspool.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.ClientQuotas;

/**
 * What an operator changes on a running broker while an application logs: a topic's partition
 * count, a topic deleted (a client's produce quota is {@link ClientQuotas}). Each call returns once
 * the broker says the change is made, or throws.
 */
final class BrokerChanges {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private BrokerChanges() {
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
