package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The {@code server.properties} of a single-node KRaft broker that is its own controller. */
final class BrokerConfigFile {

    private static final int NODE_ID = 1;

    private BrokerConfigFile() {
    }

    /**
     * Writes the configuration for a broker on {@code ports} storing its data in
     * {@code storageDir}; entries of {@code overrides} replace or add to the defaults. In their
     * values, {@code {client}} and {@code {controller}} stand for the ports picked for the broker,
     * so an override of {@code listeners} can add a listener beside them.
     */
    static void write(Path file, BrokerPorts ports, Path storageDir, Map<String, String> overrides) {
        Map<String, String> config = new TreeMap<>(defaults(ports, storageDir));
        overrides.forEach((key, value) -> config.put(key, value
                .replace("{client}", String.valueOf(ports.client()))
                .replace("{controller}", String.valueOf(ports.controller()))));
        try {
            Files.writeString(file, asPropertiesText(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static Map<String, String> defaults(BrokerPorts ports, Path storageDir) {
        String client = BrokerPorts.HOST + ":" + ports.client();
        String controller = BrokerPorts.HOST + ":" + ports.controller();
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + controller),
                Map.entry("listeners", "PLAINTEXT://" + client + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://" + client),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", storageDir.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("auto.create.topics.enable", "true"),
                // One node: every internal topic has one replica; one partition each keeps their
                // creation (on first use by a consumer group or a transaction) quick.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Keep every record whatever its timestamp. Test events carry a fixed time (so that
                // layouts compare byte for byte) that ages past Kafka's default retention of 7 days;
                // the retention check (30 s after a broker starts, then every 5 minutes) would then
                // delete every closed segment of a topic, and a read after a restart found only the
                // records written since.
                Map.entry("log.retention.ms", "-1"),
                // After a kill -9 the old registration blocks the restarted broker until its
                // session expires: keep that short.
                Map.entry("broker.session.timeout.ms", "3000"),
                Map.entry("broker.heartbeat.interval.ms", "1000"));
    }

    private static String asPropertiesText(Map<String, String> config) {
        return config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + escape(entry.getValue()))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
    }

    /** Backslashes are escapes in a properties file; Windows paths need them doubled. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
