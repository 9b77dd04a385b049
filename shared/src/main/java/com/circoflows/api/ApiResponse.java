package com.circoflows.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param replay what an Idempotency-Key retry of this request is answered with, when this response
 *     holds something that must be shown once only (a new API key); null means this response itself
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body, ApiResponse replay) {

    public ApiResponse(int statusCode, Map<String, String> headers, String body) {
        this(statusCode, headers, body, null);
    }

    public static ApiResponse json(int statusCode, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        return new ApiResponse(statusCode, headers, Json.write(body));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body, replay);
    }

    public ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new ApiResponse(statusCode, copy, body, replay);
    }

    /** This response, answered now; {@code replacement} is what the idempotency record keeps instead. */
    public ApiResponse withReplay(ApiResponse replacement) {
        return new ApiResponse(statusCode, headers, body, replacement);
    }

    /** What may be saved for replay: never a secret shown only once. */
    public ApiResponse replayable() {
        return replay == null ? this : replay;
    }
}
