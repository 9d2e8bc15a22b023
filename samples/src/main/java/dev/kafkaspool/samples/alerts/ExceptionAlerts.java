package dev.kafkaspool.samples.alerts;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches log topics and posts an alert for every record with an exception to a webhook (for
 * example a Slack incoming webhook, which takes {@code {"text": "..."}}). The alert names the
 * exception and where it happened: pod, namespace, container and node, from the record's own
 * Kubernetes fields. Reads the {@code ecs} layout.
 *
 * <pre>
 * java -cp ... dev.kafkaspool.samples.alerts.ExceptionAlerts kafka:9092 'logs\..*' https://hooks.example.com/T000/B000/XXXX
 * </pre>
 *
 * <b>Not thread-safe</b>: {@link #run} on one thread, {@link #stop} from any.
 */
public final class ExceptionAlerts implements Runnable {
    private static final JsonFactory JSON = new JsonFactory();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Pattern topics;
    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong alertsSent = new AtomicLong();
    private volatile boolean stopped;

    public ExceptionAlerts(String bootstrapServers, String groupId, Pattern topics, URI webhook) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000"); // new namespaces' topics are found quickly
        this.consumer = new KafkaConsumer<>(p);
        this.topics = topics;
        this.webhook = webhook;
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ExceptionAlerts <bootstrap servers> <topic regex> <webhook url>");
            System.exit(2);
        }
        ExceptionAlerts alerts = new ExceptionAlerts(args[0], "kafka-spool-exception-alerts", Pattern.compile(args[1]),
                URI.create(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(alerts::stop));
        alerts.run();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics);
            while (!stopped) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    recordsRead.incrementAndGet();
                    EcsRecord record = EcsRecord.parse(r.value());
                    if (record.get("error.type") != null) {
                        post(alertFor(record));
                    }
                }
                consumer.commitSync();
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stop() was called
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Ends {@link #run} soon. */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    public long recordsRead() {
        return recordsRead.get();
    }

    public long alertsSent() {
        return alertsSent.get();
    }

    /** The webhook's JSON body: a text line for chat tools, and the fields for anything else. */
    static String alertFor(EcsRecord r) {
        String where = r.get("kubernetes.namespace") + "/" + r.get("kubernetes.pod.name") + " (container "
                + r.get("kubernetes.container.name") + ", node " + r.get("kubernetes.node.name") + ")";
        String text = ":rotating_light: " + r.get("error.type") + ": " + r.get("error.message") + " in " + where
                + "; logger " + r.get("log.logger") + ", " + r.get("@timestamp") + ", event " + r.get("event.id");
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("text", text);
            for (String field : List.of("error.type", "error.message", "message", "log.logger", "@timestamp",
                    "event.id", "kubernetes.namespace", "kubernetes.pod.name", "kubernetes.container.name",
                    "kubernetes.node.name", "service.name")) {
                if (r.get(field) != null) {
                    g.writeStringField(field, r.get(field));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private void post(String body) {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                alertsSent.incrementAndGet();
            } else {
                System.err.println("the webhook answered " + response.statusCode() + "; alert not sent: " + body);
            }
        } catch (IOException e) {
            System.err.println("the webhook could not be reached (" + e + "); alert not sent: " + body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
