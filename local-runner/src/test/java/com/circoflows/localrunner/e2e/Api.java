package com.circoflows.localrunner.e2e;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP calls to the runner with one Authorization header. Every response body is checked for
 * leaked internals (see {@link ResponseHygiene}) and against docs/openapi.yaml (see {@link OpenApiContract})
 * before a test sees it.
 */
public final class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final E2e e2e;
    private final String authorization;

    Api(E2e e2e, String authorization) {
        this.e2e = e2e;
        this.authorization = authorization;
    }

    public HttpResult get(String path) {
        return send(request(path).GET());
    }

    public HttpResult post(String path, JsonNode body) {
        return post(path, Json.write(body));
    }

    /** Posts the text as is, labelled application/json, so malformed bodies can be sent too. */
    public HttpResult post(String path, String rawBody) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8)));
    }

    /** Posts the text as is with extra request headers (an Idempotency-Key, say). */
    public HttpResult post(String path, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Any method on any path; a non-null body is sent as application/json. */
    public HttpResult call(String method, String path, String body) {
        HttpRequest.Builder builder = request(path);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return send(builder);
    }

    public HttpResult health() {
        return get("/api/health");
    }

    public HttpResult pay(JsonNode body) {
        return post("/api/direct-payment", body);
    }

    public HttpResult status(String transactionId) {
        return get("/api/direct-payment/" + transactionId);
    }

    public HttpResult confirm3ds(String transactionId, String status, String gatewayId) {
        return post("/api/direct-payment/" + transactionId + "/confirm-3ds",
                Json.object().put("status", status).put("gateway_id", gatewayId));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(e2e.baseUrl() + path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    HttpResult send(HttpRequest.Builder builder) {
        return send(e2e, builder.build());
    }

    /** Any request (pages too): sent, read as UTF-8 text, and checked for leaked internals. */
    static HttpResult send(E2e e2e, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = e2e.http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        HttpResult result = new HttpResult(request.method(), request.uri(), response.statusCode(),
                response.headers(), response.body());
        List<String> leaks = ResponseHygiene.problems(result.body(), e2e.tableNames());
        if (!leaks.isEmpty()) {
            throw new AssertionError("response leaks internals " + leaks + ": " + result.describe());
        }
        OpenApiContract.get().assertConforms(result);
        return result;
    }
}
