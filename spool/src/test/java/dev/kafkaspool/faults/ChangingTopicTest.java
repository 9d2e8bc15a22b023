package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic changes under an application that logs at a steady rate: partitions are added, or
 * the topic is deleted and created again (by an operator, or by the broker itself on the
 * producer's next metadata request). Nothing the engine accepted is lost without being counted,
 * every partition keeps logging order, and a copy sent again after a failure lands in its first
 * copy's partition even when the partition count changed in between.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChangingTopicTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "changing";

    @TempDir
    Path dir;

    /**
     * Partitions go from 2 to 4 right after a pause of the broker longer than {@code stallTimeout}:
     * the records sent before the pause are sent again after partitions were added. Records
     * without a key start landing in the new partitions, and the copies stay where their first
     * copies went.
     */
    @Test
    void partitionsAddedWhileShipping() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 2);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = start(broker, "added-partitions", status);
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                Await.until(() -> pipeline.stats().shipped() > 1_000, BOUND, () -> "shipping, stats " + pipeline.stats());
                broker.pause();
                try {
                    Await.until(() -> pipeline.state() == EngineState.SPOOLING, BOUND,
                            () -> "the pause is noticed, state " + pipeline.state());
                } finally {
                    broker.resume();
                }
                BrokerChanges.addPartitions(broker.bootstrapServers(), TOPIC, 4);
                long loggedAtChange = logger.logged();
                Await.until(() -> logger.logged() > loggedAtChange + 8_000, BOUND, () -> "logging goes on");
                Arrivals arrivals = finish(broker, pipeline, logger, status, "partitions added", 1);
                Set<Integer> partitions = new TreeSet<>();
                broker.consumeAll(TOPIC, BOUND).forEach(r -> partitions.add(r.partition()));
                assertEquals(Set.of(0, 1, 2, 3), partitions, "the new partitions are used: " + arrivals);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    /**
     * The topic is deleted on a broker that does not create topics: the events logged meanwhile
     * wait in the spool until an operator creates it again, with more partitions, then arrive.
     */
    @Test
    void topicDeletedAndCreatedAgain() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), Map.of("auto.create.topics.enable", "false"))) {
            broker.createTopic(TOPIC, 2);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = start(broker, "recreated", status);
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                Await.until(() -> pipeline.stats().shipped() > 1_000, BOUND, () -> "shipping, stats " + pipeline.stats());
                BrokerChanges.deleteTopic(broker.bootstrapServers(), TOPIC);
                long loggedAtDelete = logger.logged();
                Await.until(() -> pipeline.state() == EngineState.SPOOLING, BOUND,
                        () -> "the missing topic is noticed, state " + pipeline.state());
                Await.until(() -> logger.logged() > loggedAtDelete + 4_000, BOUND, () -> "logging goes on");
                long shippedWhileMissing = pipeline.stats().shipped();
                broker.createTopic(TOPIC, 3);
                long loggedAtCreate = logger.logged();
                Await.until(() -> logger.logged() > loggedAtCreate + 4_000, BOUND, () -> "logging goes on");
                Arrivals arrivals = finish(broker, pipeline, logger, status, "deleted and created again",
                        loggedAtDelete + 1);
                System.out.println("ChangingTopicTest deleted and created again: logged at delete=" + loggedAtDelete
                        + " shipped while missing=" + shippedWhileMissing);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    /**
     * The topic is deleted on a broker that creates topics: the producer's next metadata request
     * creates it again, with the broker's default of one partition instead of three.
     */
    @Test
    void topicDeletedAndCreatedAgainByTheBroker() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), Map.of("num.partitions", "1"))) {
            broker.createTopic(TOPIC, 3);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = start(broker, "auto-created", status);
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                Await.until(() -> pipeline.stats().shipped() > 1_000, BOUND, () -> "shipping, stats " + pipeline.stats());
                BrokerChanges.deleteTopic(broker.bootstrapServers(), TOPIC);
                long loggedAtDelete = logger.logged();
                Await.until(() -> logger.logged() > loggedAtDelete + 8_000, BOUND, () -> "logging goes on");
                Arrivals arrivals = finish(broker, pipeline, logger, status, "deleted and created by the broker",
                        loggedAtDelete + 1);
                assertEquals(1, BrokerChanges.partitions(broker.bootstrapServers(), TOPIC), arrivals.toString());
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    private LogPipeline start(KafkaBroker broker, String name, RecordingStatus status) {
        return LogPipeline.builder().status(status)
                .set("name", name)
                .set("bootstrapServers", broker.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("topic", TOPIC)
                .set("stallTimeout", "2s")
                .set("podInfoDir", dir.resolve("none").toString())
                // The producer learns of partitions added within a second instead of five minutes.
                .producerProperty("metadata.max.age.ms", "1000")
                .start();
    }

    /**
     * Stops logging, waits until every event is shipped or dropped, and checks what is in the topic
     * against what was logged from {@code firstExpected} on (events before it went to a topic that
     * was then deleted).
     */
    private static Arrivals finish(KafkaBroker broker, LogPipeline pipeline, SteadyLogger logger,
            RecordingStatus status, String scenario, long firstExpected) throws InterruptedException {
        long sent = logger.stop();
        Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
        List<ConsumerRecord<byte[], byte[]>> records = broker.consumeAll(TOPIC, BOUND);
        Arrivals arrivals = Arrivals.of(records);
        EngineStats stats = pipeline.stats();
        System.out.println("ChangingTopicTest " + scenario + ": sent=" + sent + " expected from " + firstExpected
                + " arrived distinct=" + arrivals.distinct() + " duplicates=" + arrivals.duplicates()
                + " (in more than one partition: " + arrivals.spreadEvents() + ") spooled=" + stats.spooled()
                + " drained=" + stats.drained() + " dropped=" + stats.droppedByReason());
        System.out.println("ChangingTopicTest " + scenario + " status messages: " + status.warnings());

        assertEquals(0, logger.refused(), "no log call was refused");
        List<Long> lost = arrivals.missing(firstExpected, sent);
        assertTrue(lost.isEmpty(), lost.size() + " events lost, the first " + lost.subList(0, Math.min(20, lost.size()))
                + "; " + arrivals);
        assertEquals(sent, stats.accepted(), stats.toString());
        assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
        assertEquals(0, stats.droppedTotal(), stats.toString());
        assertEquals(0, stats.spoolEvents(), "the spool is empty at the end: " + stats);
        assertEquals(0, arrivals.spreadEvents(), "every copy landed in its first copy's partition: " + arrivals);
        assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
        return arrivals;
    }
}
