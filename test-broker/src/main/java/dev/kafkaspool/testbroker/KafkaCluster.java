package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster of a few nodes, each in a child JVM of its own, for tests that kill -9,
 * stop and restart single nodes under a running client.
 *
 * <p>Every node is both broker and controller (KRaft combined mode); the controller quorum is
 * made of all nodes, so a majority of them must run for the cluster to change its metadata (elect
 * leaders, shrink or grow in-sync replica sets). Nodes are numbered from 0; a node's number is
 * also its {@code node.id}. Each node listens on 127.0.0.1 on ports picked at start and kept
 * across restarts, and keeps its data, configuration and log in {@code <dir>/node-<n>}.
 *
 * <p>Internal topics are replicated to every node. Topics a test creates have the replication
 * factor and configs it asks for.
 *
 * <p>Every wait is bounded. A node that does not start throws an exception that quotes the end
 * of its log. A shutdown hook kills any node still running when the JVM exits.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final String MAX_HEAP = "384m";

    private final Path dir;
    private final List<BrokerProcess> nodes;
    private final List<String> addresses;
    private boolean closed;

    private KafkaCluster(Path dir, List<BrokerProcess> nodes, List<String> addresses) {
        this.dir = dir;
        this.nodes = nodes;
        this.addresses = addresses;
    }

    /**
     * Formats {@code nodeCount} nodes in {@code dir} (created if needed, must be empty), picks
     * free ports on 127.0.0.1, starts every node and returns once each is an unfenced broker.
     *
     * @throws IllegalStateException if a node is not ready within 120 s; the message quotes the
     *     end of its log, and the data is left in place to look at
     */
    public static KafkaCluster start(Path dir, int nodeCount) {
        return start(dir, nodeCount, Map.of());
    }

    /**
     * Like {@link #start(Path, int)}, with broker properties for every node that replace or add to
     * the defaults.
     */
    public static KafkaCluster start(Path dir, int nodeCount, Map<String, String> extraBrokerConfig) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("A cluster needs at least one node, not " + nodeCount);
        }
        BrokerFiles.createIn(dir); // the cluster's own dir: created, and checked to be empty
        List<BrokerPorts> ports = BrokerPorts.pickFree(nodeCount);
        List<BrokerProcess> nodes = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int id = 0; id < nodeCount; id++) {
            BrokerFiles files = BrokerFiles.createIn(dir.resolve("node-" + id));
            Map<String, String> config = new HashMap<>(ClusterNodeConfig.forNode(id, ports));
            config.putAll(extraBrokerConfig);
            BrokerConfigFile.write(files.serverProperties(), ports.get(id), files.storageDir(), config);
            BrokerLoggingConfigFile.write(files.loggingConfig());
            nodes.add(new BrokerProcess(files, MAX_HEAP));
            addresses.add(BrokerPorts.HOST + ":" + ports.get(id).client());
        }
        KafkaCluster cluster = new KafkaCluster(dir.toAbsolutePath(), nodes, addresses);
        cluster.startAll();
        return cluster;
    }

    /** The number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** The addresses of every node, comma-separated, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return String.join(",", addresses);
    }

    /** The address of node {@code node} alone, {@code 127.0.0.1:<port>}; the same after every restart. */
    public String bootstrapServers(int node) {
        return addresses.get(checked(node));
    }

    /**
     * Creates a topic with {@code replicationFactor} replicas per partition and the given topic
     * configs (for example {@code min.insync.replicas}), and returns once every partition has a
     * leader. Needs at least {@code replicationFactor} running nodes.
     */
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> topicConfigs) {
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(topicConfigs);
        TopicCreator.create(bootstrapServers(), topic, TOPIC_TIMEOUT);
    }

    /**
     * Stops node {@code node} in order (SIGTERM) and waits for its JVM to exit; kills it if it
     * has not exited after 30 s. Does nothing if it is not running.
     */
    public synchronized void stop(int node) {
        nodes.get(checked(node)).stop(STOP_GRACE);
    }

    /** Kills node {@code node}'s JVM at once (kill -9) and waits until it is gone. Does nothing if it is not running. */
    public synchronized void kill(int node) {
        nodes.get(checked(node)).kill();
    }

    /**
     * Starts node {@code node} again on the same ports and with the same data, and returns once
     * it is an unfenced broker again. Stops it first if it is still running. A majority of the
     * nodes must be running (this one included) for it to become ready.
     */
    public synchronized void restart(int node) {
        if (closed) {
            throw new IllegalStateException("The cluster at " + bootstrapServers() + " was closed");
        }
        BrokerProcess process = nodes.get(checked(node));
        process.stop(STOP_GRACE);
        process.launch();
        awaitReady(node);
    }

    /** Whether node {@code node}'s JVM is running (it may not be ready yet, or any more). */
    public synchronized boolean isRunning(int node) {
        return nodes.get(checked(node)).isRunning();
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer (no group, read_uncommitted)
     * until at least {@code expected} records were read and then on to the end every partition had
     * at that moment, or until {@code timeout} passed, and returns what it read: records of all
     * partitions, in order within each partition. Copies of records (a producer's retries may
     * leave them) are returned too and never stand in for a record not read yet.
     */
    public List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected, Duration timeout) {
        return TopicReader.readFromBeginning(bootstrapServers(), topic, expected, timeout);
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer (no group, read_uncommitted)
     * up to the end every partition had when the read began, or until {@code timeout} passed, and
     * returns what it read: records of all partitions, in order within each partition. Unlike
     * {@link #consume}, it does not wait for records that are not there yet.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers(), topic, timeout);
    }

    /** Node {@code node}'s own log output (all its runs, and the storage format), for debugging failed tests. */
    public Path logFile(int node) {
        return nodes.get(checked(node)).files().brokerLog();
    }

    /** The directory holding every node's data, configuration and log. */
    public Path dir() {
        return dir;
    }

    /**
     * Kills every running node and deletes the cluster's directory, unless the system property
     * {@value KafkaBroker#KEEP_DATA_PROPERTY} is {@code true}. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.forEach(BrokerProcess::kill);
        if (!Boolean.getBoolean(KafkaBroker.KEEP_DATA_PROPERTY)) {
            nodes.forEach(node -> node.files().deleteAll());
            deleteDirIfEmpty();
        }
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + bootstrapServers() + ", " + dir + "]";
    }

    /**
     * Formats every node for one new cluster, starts them all (no node can become ready before a
     * majority of the controller quorum runs), then waits for each.
     */
    private void startAll() {
        String clusterId = Uuid.randomUuid().toString();
        nodes.forEach(node -> node.formatStorage(clusterId, List.of()));
        nodes.forEach(BrokerProcess::launch);
        try {
            for (int id = 0; id < nodes.size(); id++) {
                awaitReady(id);
            }
        } catch (RuntimeException e) {
            nodes.forEach(BrokerProcess::kill);
            throw e;
        }
    }

    private void awaitReady(int node) {
        nodes.get(node).awaitReady(
                (jvm, timeout) -> ClusterReadinessProbe.awaitListedBroker(addresses.get(node), node, jvm, timeout),
                READY_TIMEOUT, node + " at " + addresses.get(node));
    }

    private int checked(int node) {
        if (node < 0 || node >= nodes.size()) {
            throw new IllegalArgumentException("No node " + node + " in a cluster of nodes 0 to " + (nodes.size() - 1));
        }
        return node;
    }

    private void deleteDirIfEmpty() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Not empty (someone else put files there) or not deletable: leave it.
        }
    }
}
