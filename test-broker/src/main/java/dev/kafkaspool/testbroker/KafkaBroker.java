package dev.kafkaspool.testbroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, its own controller) running in a child JVM, for tests
 * that need to stop, kill -9 and restart the broker under a running client.
 *
 * <p>The broker listens on 127.0.0.1 on ports picked at start and kept across restarts, and keeps
 * its data, configuration and log output in the data dir it was started with. The broker's jars
 * are not on the caller's classpath: the caller needs only kafka-clients.
 *
 * <p>To tell when the broker is ready, each start produces one record to a topic of its own,
 * {@code kafka-spool-test-broker-ready}; tests that list topics will see it.
 *
 * <p>{@link #startSecured} adds a client listener that requires TLS, SASL/SCRAM over TLS or mutual
 * TLS, at {@link #securedBootstrapServers()}; clients connect to it with
 * {@link #clientSecurity()}. The plaintext listener stays, for the broker's own helpers.
 *
 * <p>Every wait is bounded. A broker that does not start throws an exception that quotes the end
 * of its log. A shutdown hook kills any broker still running when the JVM exits.
 */
public final class KafkaBroker implements AutoCloseable {

    /** System property: when {@code true}, {@link #close()} keeps the data dir, to look at after a test. */
    public static final String KEEP_DATA_PROPERTY = "kafkaspool.keepBrokerData";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final String MAX_HEAP = "512m";

    private final BrokerProcess process;
    private final String bootstrapServers;
    private final String securedBootstrapServers;
    private final List<String> formatArguments;
    private final ClientSecurity clientSecurity;
    private boolean closed;

    private KafkaBroker(BrokerFiles files, BrokerPorts ports, List<String> formatArguments,
            ClientSecurity clientSecurity) {
        this.process = new BrokerProcess(files, MAX_HEAP);
        this.bootstrapServers = BrokerPorts.HOST + ":" + ports.client();
        this.securedBootstrapServers = clientSecurity == null ? null : BrokerPorts.HOST + ":" + ports.secured();
        this.formatArguments = formatArguments;
        this.clientSecurity = clientSecurity;
    }

    /**
     * Formats a new broker in {@code dataDir} (created if needed, must be empty), picks free ports
     * on 127.0.0.1, starts the broker and returns once it has acknowledged a produce.
     *
     * @throws IllegalStateException if the broker is not ready within 60 s; the message quotes the
     *     end of the broker log, and the data dir is left in place to look at
     */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * Like {@link #start(Path)}, with broker properties that replace or add to the defaults, for
     * example {@code auto.create.topics.enable=false} or {@code message.max.bytes}. In values,
     * {@code {client}} and {@code {controller}} stand for the broker's two ports, for a
     * {@code listeners} with one more listener.
     */
    public static KafkaBroker start(Path dataDir, Map<String, String> extraBrokerConfig) {
        BrokerFiles files = BrokerFiles.createIn(dataDir);
        BrokerPorts ports = BrokerPorts.pickFree();
        BrokerConfigFile.write(files.serverProperties(), ports, files.storageDir(), extraBrokerConfig);
        BrokerLoggingConfigFile.write(files.loggingConfig());
        KafkaBroker broker = new KafkaBroker(files, ports, List.of(), null);
        broker.formatStorage();
        broker.launch();
        return broker;
    }

    /**
     * Like {@link #start(Path)}, with one more client listener that requires what {@code security}
     * says, at {@link #securedBootstrapServers()}. A test authority, a broker certificate (for
     * localhost and 127.0.0.1) and a client certificate are generated into the data dir first.
     */
    public static KafkaBroker startSecured(Path dataDir, BrokerSecurity security) {
        return startSecured(dataDir, security, Map.of());
    }

    /** Like {@link #startSecured(Path, BrokerSecurity)}, with broker properties that replace or add to the defaults. */
    public static KafkaBroker startSecured(Path dataDir, BrokerSecurity security, Map<String, String> extraBrokerConfig) {
        BrokerFiles files = BrokerFiles.createIn(dataDir);
        BrokerPorts ports = BrokerPorts.pickFree();
        TestCertificates certificates = TestCertificates.generate(files.certificatesDir());
        Map<String, String> config = new HashMap<>(security.brokerConfig(ports, certificates));
        config.putAll(extraBrokerConfig);
        BrokerConfigFile.write(files.serverProperties(), ports, files.storageDir(), config);
        BrokerLoggingConfigFile.write(files.loggingConfig());
        KafkaBroker broker = new KafkaBroker(files, ports, security.formatArguments(),
                security.clientSecurity(certificates));
        broker.formatStorage();
        broker.launch();
        return broker;
    }

    /** The address for clients, {@code 127.0.0.1:<port>}; the same after every restart. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The address of the secured client listener, {@code 127.0.0.1:<port>}.
     *
     * @throws IllegalStateException if the broker was not started with {@link #startSecured}
     */
    public String securedBootstrapServers() {
        requireSecured();
        return securedBootstrapServers;
    }

    /**
     * The client properties that connect to {@link #securedBootstrapServers()}: the right
     * credentials, which a test may change with the copies {@link ClientSecurity} makes.
     *
     * @throws IllegalStateException if the broker was not started with {@link #startSecured}
     */
    public ClientSecurity clientSecurity() {
        requireSecured();
        return clientSecurity;
    }

    /** Creates a topic with replication factor 1 and returns once every partition has a leader. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic with replication factor 1 and the given topic configs (for example
     * {@code retention.ms}) and returns once every partition has a leader.
     */
    public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(topicConfigs);
        TopicCreator.create(bootstrapServers, topic, TOPIC_TIMEOUT);
    }

    /**
     * Stops the broker in order (SIGTERM) and waits for its JVM to exit; kills it if it has not
     * exited after 30 s. Does nothing if it is not running.
     */
    public synchronized void stop() {
        process.stop(STOP_GRACE);
    }

    /** Kills the broker's JVM at once (kill -9) and waits until it is gone. Does nothing if it is not running. */
    public synchronized void kill() {
        process.kill();
    }

    /**
     * Pauses the broker's JVM (SIGSTOP, POSIX only): unlike a kill, its connections stay open and
     * the operating system still accepts data on them, but nothing is answered, as with a broker
     * stuck in a long garbage collection or a frozen host. {@link #resume()} lets it go on; a
     * paused broker still counts as running, and {@link #kill()} and {@link #close()} end it.
     */
    public synchronized void pause() {
        process.pause();
    }

    /** Lets a broker paused by {@link #pause()} go on (SIGCONT). */
    public synchronized void resume() {
        process.resume();
    }

    /**
     * Starts the broker again on the same ports and with the same data, and returns once it has
     * acknowledged a produce. Stops it first if it is still running. After a kill the broker
     * needs a few seconds more, until its old registration has expired.
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The broker at " + bootstrapServers + " was closed");
        }
        stop();
        launch();
    }

    /** Whether the broker's JVM is running (it may not be ready yet, or any more). */
    public synchronized boolean isRunning() {
        return process.isRunning();
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer (no group, read_uncommitted)
     * until at least {@code expected} records were read and then on to the end every partition had
     * at that moment, or until {@code timeout} passed, and returns what it read: records of all
     * partitions, in order within each partition. Copies of records (a producer's retries may
     * leave them) are returned too and never stand in for a record not read yet.
     */
    public List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected, Duration timeout) {
        return TopicReader.readFromBeginning(bootstrapServers, topic, expected, timeout);
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer (no group, read_uncommitted)
     * up to the end every partition had when the read began, or until {@code timeout} passed, and
     * returns what it read: records of all partitions, in order within each partition. Unlike
     * {@link #consume}, it does not wait for records that are not there yet.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers, topic, timeout);
    }

    /** The broker's own log output (all its runs, and the storage format), for debugging failed tests. */
    public Path logFile() {
        return process.files().brokerLog();
    }

    /** The directory holding the broker's data, configuration and log. */
    public Path dataDir() {
        return process.files().dataDir();
    }

    /**
     * Kills the broker if it is running and deletes its data dir, unless the system property
     * {@value #KEEP_DATA_PROPERTY} is {@code true}. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kill();
        if (!Boolean.getBoolean(KEEP_DATA_PROPERTY)) {
            process.files().deleteAll();
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers + ", " + dataDir() + "]";
    }

    private void formatStorage() {
        process.formatStorage(Uuid.randomUuid().toString(), formatArguments);
    }

    private void requireSecured() {
        if (clientSecurity == null) {
            throw new IllegalStateException("The broker at " + bootstrapServers + " has no secured listener:"
                    + " start it with startSecured");
        }
    }

    private void launch() {
        process.launch();
        process.awaitReady((jvm, timeout) -> ReadinessProbe.awaitAcknowledgedProduce(bootstrapServers, jvm, timeout),
                READY_TIMEOUT, "at " + bootstrapServers);
    }
}
