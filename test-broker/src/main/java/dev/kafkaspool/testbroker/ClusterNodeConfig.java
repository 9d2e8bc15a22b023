package dev.kafkaspool.testbroker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The broker properties that make a broker one node of a {@link KafkaCluster}, on top of the
 * single-node defaults of {@link BrokerConfigFile}: its node id, the controller quorum of every
 * node (each node is broker and controller, KRaft combined mode), and internal topics replicated
 * to every node so that they survive a node's death.
 */
final class ClusterNodeConfig {

    private ClusterNodeConfig() {
    }

    /** The properties of node {@code nodeId} (its index in {@code allPorts}) of the cluster on {@code allPorts}. */
    static Map<String, String> forNode(int nodeId, List<BrokerPorts> allPorts) {
        String replicas = String.valueOf(allPorts.size());
        String minInSync = String.valueOf(Math.min(2, allPorts.size()));
        Map<String, String> config = new HashMap<>();
        config.put("node.id", String.valueOf(nodeId));
        config.put("controller.quorum.voters", voters(allPorts));
        config.put("default.replication.factor", replicas);
        config.put("offsets.topic.replication.factor", replicas);
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minInSync);
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", minInSync);
        return config;
    }

    /** {@code 0@127.0.0.1:<port>,1@127.0.0.1:<port>,...}: every node's controller listener. */
    private static String voters(List<BrokerPorts> allPorts) {
        return IntStream.range(0, allPorts.size())
                .mapToObj(id -> id + "@" + BrokerPorts.HOST + ":" + allPorts.get(id).controller())
                .collect(Collectors.joining(","));
    }
}
