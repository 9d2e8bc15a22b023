package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates a topic and waits until every one of its partitions has a leader. */
final class TopicCreator {

    private TopicCreator() {
    }

    /** Creates {@code topic}; throws if that fails or its partitions have no leader within {@code timeout}. */
    static void create(String bootstrapServers, NewTopic topic, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        try (Admin admin = BrokerClients.admin(bootstrapServers)) {
            admin.createTopics(List.of(topic)).all().get();
            awaitLeaders(admin, topic.name(), deadline);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topic " + topic.name() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
        }
    }

    private static void awaitLeaders(Admin admin, String topic, Deadline deadline)
            throws ExecutionException, InterruptedException {
        while (!allPartitionsLed(admin, topic)) {
            if (deadline.hasPassed()) {
                throw new IllegalStateException("Topic " + topic + " was created but not all its partitions have a leader");
            }
            deadline.pauseBeforeRetry();
        }
    }

    private static boolean allPartitionsLed(Admin admin, String topic) throws ExecutionException, InterruptedException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream().allMatch(TopicCreator::hasLeader);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static boolean hasLeader(TopicPartitionInfo partition) {
        return partition.leader() != null && !partition.leader().isEmpty();
    }
}
