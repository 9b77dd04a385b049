package com.circoflows.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The API as a load client calls it: real HTTP, one shared connection pool, answers as JSON. */
final class LoadApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;

    LoadApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer post(String key, String path, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(key, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer put(String key, String path, String body) throws IOException, InterruptedException {
        return send(request(key, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Answer get(String key, String path) throws IOException, InterruptedException {
        return send(request(key, path).GET().build());
    }

    private HttpRequest.Builder request(String key, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key);
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long latency = System.nanoTime() - started;
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Answer(response.statusCode(), body, response.body(), latency,
                response.headers().firstValue("idempotent-replayed").isPresent());
    }

    /** @param json the parsed body, or null when it was not JSON (itself a finding) */
    record Answer(int status, JsonNode json, String text, long latencyNanos, boolean replayed) {
        String data(String field) {
            return json == null ? "" : json.path("data").path(field).asText("");
        }

        String errorCode() {
            return json == null ? "" : json.path("error").path("code").asText("");
        }

        /** What a report needs to tell one refusal from another: code, param and message. */
        String errorSummary() {
            if (json == null) {
                return "(not JSON)";
            }
            JsonNode error = json.path("error");
            return error.path("code").asText("") + " param=" + error.path("param").asText("-") + ": "
                    + error.path("message").asText("");
        }

        /** A declined payment's error names its stored transaction. */
        String transactionId() {
            String fromData = data("transaction_id");
            return fromData.isEmpty() && json != null ? json.path("error").path("transaction_id").asText("") : fromData;
        }
    }
}
