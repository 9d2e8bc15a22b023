package dev.kafkaspool.samples.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the application's Actuator endpoints over HTTP. */
final class ActuatorClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    ActuatorClient(int port) {
        this.port = port;
    }

    /** An endpoint's answer: HTTP status and JSON body. */
    record Answer(int httpStatus, JsonNode body) {
    }

    Answer get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** {@code /actuator/health}'s component of the appender: {@code components.kafkaSpool.components.<name>}. */
    static JsonNode appender(JsonNode health, String name) {
        return health.path("components").path("kafkaSpool").path("components").path(name);
    }

    /** A meter's value by statistic name from {@code /actuator/metrics/<name>?tag=...}. */
    static double statistic(JsonNode metric, String statistic) {
        for (JsonNode m : metric.path("measurements")) {
            if (statistic.equals(m.path("statistic").asString())) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }
}
