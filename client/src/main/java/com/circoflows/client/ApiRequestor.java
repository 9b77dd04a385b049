package com.circoflows.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends one API call, with its retries. Every POST and PUT carries an {@code Idempotency-Key}, the caller's
 * or a random one, and every retry of the call sends that same key with the byte-identical body: a payment
 * that went through but whose answer was lost is replayed by the API on the retry, never charged again.
 * DELETE takes no key (docs/api.md "API keys": repeating it is harmless), and GET changes nothing.
 * Nothing here logs, and no exception message quotes the request body.
 */
final class ApiRequestor {
    static final String USER_AGENT = "circoflows-java/1.0";
    private static final String REQUEST_ID = "X-Request-Id";

    private final HttpClient http;
    /** Without a trailing slash; a base with a path (a stage, a proxy prefix) keeps it. */
    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    ApiRequestor(HttpClient http, String baseUrl, String apiKey, Duration requestTimeout, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    <T> T get(String pathAndQuery, Class<T> dataType) {
        return bind(send("GET", pathAndQuery, null, RequestOptions.none()), dataType);
    }

    <T> T post(String path, Object body, RequestOptions options, Class<T> dataType) {
        return bind(send("POST", path, body, options), dataType);
    }

    <T> T put(String path, Object body, RequestOptions options, Class<T> dataType) {
        return bind(send("PUT", path, body, options), dataType);
    }

    <T> T delete(String pathAndQuery, Class<T> dataType) {
        return bind(send("DELETE", pathAndQuery, null, RequestOptions.none()), dataType);
    }

    /** @return the envelope's {@code data} */
    JsonNode send(String method, String pathAndQuery, Object body, RequestOptions options) {
        byte[] json = body == null ? null : serialize(body);
        String idempotencyKey = null;
        if (takesIdempotencyKey(method)) {
            idempotencyKey = options.getIdempotencyKey() != null
                    ? options.getIdempotencyKey() : UUID.randomUUID().toString();
        }
        HttpRequest request = buildRequest(method, pathAndQuery, json, idempotencyKey);
        for (int retry = 0; ; retry++) {
            boolean mayRetry = retry < retryPolicy.maxRetries();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException noAnswer) {
                if (!mayRetry) {
                    throw new ApiConnectionException("No answer from the API after " + (retry + 1)
                            + " attempt(s): " + noAnswer.getClass().getSimpleName(), noAnswer);
                }
                pause(retryPolicy.backoff(retry));
                continue;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ApiConnectionException("Interrupted while waiting for the API", interrupted);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return data(response);
            }
            String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
            CircoFlowsException error = ErrorDecoder.decode(status, response.body(), requestId);
            if (!mayRetry || !RetryPolicy.isRetryable(status, error.getCode())) {
                throw error;
            }
            Duration wait = retryPolicy.backoff(retry);
            Duration retryAfter = RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (retryAfter != null) {
                if (retryAfter.compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0) {
                    throw error;
                }
                wait = retryAfter;
            }
            pause(wait);
        }
    }

    /** The API honours the key on every POST and PUT under /api (docs/api.md "Idempotency"). */
    private static boolean takesIdempotencyKey(String method) {
        return "POST".equals(method) || "PUT".equals(method);
    }

    private HttpRequest buildRequest(String method, String pathAndQuery, byte[] json, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while waiting to retry", interrupted);
        }
    }

    private static JsonNode data(HttpResponse<String> response) {
        try {
            JsonNode envelope = Json.MAPPER.readTree(response.body());
            JsonNode data = envelope == null ? null : envelope.get("data");
            if (data == null || data.isNull()) {
                throw new ApiException("The API answered " + response.statusCode() + " without data",
                        details(response), null);
            }
            return data;
        } catch (JsonProcessingException notJson) {
            throw new ApiException("The API answered " + response.statusCode() + " with a body that is not JSON",
                    details(response), null);
        }
    }

    private static CircoFlowsException.ErrorDetails details(HttpResponse<String> response) {
        return new CircoFlowsException.ErrorDetails(response.statusCode(), null, null, null, null, null,
                response.headers().firstValue(REQUEST_ID).orElse(null));
    }

    private static byte[] serialize(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the value it choked on: keep only the kind of failure.
            throw new IllegalArgumentException("The request could not be written as JSON ("
                    + body.getClass().getSimpleName() + ")");
        }
    }

    static <T> T bind(JsonNode data, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new ApiException("The API's answer does not read as " + type.getSimpleName(),
                    CircoFlowsException.ErrorDetails.NONE, null);
        }
    }
}
