package dev.kafkaspool.samples.alerts;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import dev.kafkaspool.encoding.EventEncoder;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.pod.PodMetadata;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records made by the real encoder go through a real broker; each one with an exception becomes one webhook post. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExceptionAlertsTest {
    private final KafkaBroker broker;

    ExceptionAlertsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void everyRecordWithAnExceptionIsPostedWithWhereItHappened() throws Exception {
        broker.createTopic("logs.payments", 2);
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        produce(List.of(event(null), event(null), event(new IllegalStateException("card expired")), event(null),
                event(new IllegalArgumentException("no such order", new RuntimeException("db"))), event(null)));

        ExceptionAlerts alerts = new ExceptionAlerts(broker.bootstrapServers(), "alerts-test", Pattern.compile("logs\\..*"),
                URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"));
        Thread t = new Thread(alerts, "alerts");
        t.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (alerts.recordsRead() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(6, alerts.recordsRead());
        } finally {
            alerts.stop();
            t.join(TimeUnit.SECONDS.toMillis(30));
            webhook.stop(0);
        }
        assertEquals(2, posts.size(), posts.toString());
        assertEquals(2, alerts.alertsSent());
        String first = posts.stream().filter(p -> p.contains("IllegalStateException")).findFirst().orElseThrow();
        for (String expected : List.of("\"text\":", "card expired", "\"kubernetes.pod.name\":\"orders-7d9f8-x2x4q\"",
                "\"kubernetes.namespace\":\"payments\"", "\"kubernetes.container.name\":\"app\"",
                "\"kubernetes.node.name\":\"node-3\"", "payments/orders-7d9f8-x2x4q (container app, node node-3)")) {
            assertTrue(first.contains(expected), expected + " in " + first);
        }
        assertTrue(posts.stream().anyMatch(p -> p.contains("IllegalArgumentException: no such order")), posts.toString());
    }

    private void produce(List<LogEventView> events) {
        SpoolConfig config = SpoolConfig.builder().set(EngineSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .build();
        PodMetadata pod = PodMetadata.builder().podName("orders-7d9f8-x2x4q").namespace("payments")
                .containerName("app").nodeName("node-3").labels(Map.of("app", "orders")).build();
        RecordFormat format = RecordFormat.create(config, pod);
        EventEncoder encoder = new EventEncoder();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long sequence = 0;
            for (LogEventView e : events) {
                EncodedEvent encoded = encoder.encode(format, e, 42, ++sequence);
                byte[] value = java.util.Arrays.copyOf(encoded.valueBytes(), encoded.valueLength());
                producer.send(new ProducerRecord<>("logs.payments", value));
            }
            producer.flush();
        }
    }

    private static LogEventView event(Throwable thrown) {
        return new LogEventView() {
            @Override
            public long epochSecond() {
                return 1_795_250_096L;
            }

            @Override
            public int nanoOfSecond() {
                return 0;
            }

            @Override
            public LogLevel level() {
                return thrown == null ? LogLevel.INFO : LogLevel.ERROR;
            }

            @Override
            public String loggerName() {
                return "com.example.Orders";
            }

            @Override
            public String threadName() {
                return "main";
            }

            @Override
            public void formatMessage(StringBuilder into) {
                into.append(thrown == null ? "order accepted" : "order failed");
            }

            @Override
            public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
            }

            @Override
            public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
            }

            @Override
            public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
            }

            @Override
            public Throwable thrown() {
                return thrown;
            }

            @Override
            public StackTraceElement callerData() {
                return null;
            }
        };
    }
}
