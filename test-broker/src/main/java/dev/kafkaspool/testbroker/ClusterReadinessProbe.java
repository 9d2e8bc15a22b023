package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/**
 * Decides that a node of a {@link KafkaCluster} is ready when the cluster, asked through that
 * node's own listener, lists it among its brokers: the cluster lists only brokers that have
 * registered with the controller quorum and are unfenced, that is, able to lead and follow
 * partitions.
 */
final class ClusterReadinessProbe {

    private ClusterReadinessProbe() {
    }

    /**
     * Returns once node {@code nodeId}, listening at {@code nodeAddress}, is listed; throws if its
     * JVM exits first or {@code timeout} passes, with the last failure as cause.
     */
    static void awaitListedBroker(String nodeAddress, int nodeId, BrokerJvm node, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        Throwable lastFailure = null;
        try (Admin admin = BrokerClients.admin(nodeAddress)) {
            while (!deadline.hasPassed()) {
                if (!node.isAlive()) {
                    throw new IllegalStateException("The broker JVM exited with code " + node.exitCode());
                }
                try {
                    if (admin.describeCluster().nodes().get().stream().mapToInt(Node::id).anyMatch(id -> id == nodeId)) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                } catch (KafkaException e) {
                    lastFailure = e;
                }
                deadline.pauseBeforeRetry();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for node " + nodeId, e);
        }
        throw new IllegalStateException("Node " + nodeId + " was not listed as an unfenced broker within "
                + timeout.toSeconds() + " s; last failure: " + lastFailure, lastFailure);
    }
}
