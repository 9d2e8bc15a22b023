package dev.kafkaspool.samples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo end to end on a short timeline: a real broker, both services in real child JVMs, the
 * broker killed with -9 under them and restarted. Nothing is lost, and the records carry the pod
 * metadata the demo gave each service.
 */
@Tag("process")
class DemoTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a bound against hangs only
    void everyEventOfBothServicesArrivesThroughABrokerOutageWithItsPodFields() throws Exception {
        DemoTimeline timeline = new DemoTimeline(Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(13), 200);

        DemoResult result = Demo.run(timeline, System.out);

        assertEquals(2, result.outcomes().size());
        for (ServiceOutcome outcome : result.outcomes()) {
            String name = outcome.serviceName();
            assertTrue(outcome.sent() > 0, name + " logged");
            assertTrue(outcome.reportedStats(), name + " reported its appender's counters");
            assertEquals(0, outcome.lost(), name + ": sent " + outcome.sent() + ", arrived " + outcome.arrived()
                    + "; its appender's counters at stop: spooled " + outcome.counter("spooled") + ", drained "
                    + outcome.counter("drained") + ", dropped " + outcome.counter("dropped") + ", still in the spool "
                    + outcome.counter("stillInSpool"));
            assertEquals(0, outcome.counter("dropped"), name + " dropped nothing");
        }
        assertTrue(result.nothingLost());

        for (DemoService service : DemoService.values()) {
            assertCarriesPodFields(service.serviceName(), result.sampleRecords());
        }
        RecordFields failure = result.sampleRecords().stream().filter(r -> r.get("error.type") != null)
                .findFirst().orElseThrow(() -> new AssertionError("a record with an exception is shown"));
        assertTrue(failure.get("error.stack_trace").contains("TimeoutException"), failure.get("error.stack_trace"));
    }

    private static void assertCarriesPodFields(String serviceName, List<RecordFields> records) {
        RecordFields record = records.stream().filter(r -> serviceName.equals(r.get("service.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("a record of " + serviceName + " is shown"));
        assertEquals(PodMetadata.NAMESPACE, record.get("kubernetes.namespace"));
        assertTrue(record.get("kubernetes.pod.name").startsWith(serviceName + "-"), record.get("kubernetes.pod.name"));
        assertEquals(serviceName, record.get("kubernetes.container.name"));
        assertNotNull(record.get("kubernetes.node.name"));
        assertNotNull(record.get("kubernetes.pod.uid"));
        assertNotNull(record.get("kubernetes.pod.ip"));
        assertEquals(serviceName, record.get("kubernetes.labels.app"), "a label from the podinfo files");
        assertNotNull(record.get("kubernetes.annotations.team"), "an annotation from the podinfo files");
        assertNotNull(record.get("labels.requestId"), "the MDC");
        assertNotNull(record.get("labels.sequence"), "a key-value");
    }
}
