package com.circoflows.api;

import com.circoflows.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * @param headers names in the case they go out in on the wire ({@code X-RateLimit-Limit}); looked up in any
 *     case, as HTTP header names are case-insensitive
 * @param replay what an Idempotency-Key retry of this request is answered with, when this response
 *     holds something that must be shown once only (a new API key); null means this response itself
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body, ApiResponse replay) {

    public ApiResponse {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    public ApiResponse(int statusCode, Map<String, String> headers, String body) {
        this(statusCode, headers, body, null);
    }

    public static ApiResponse json(int statusCode, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        return new ApiResponse(statusCode, headers, Json.write(body));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.remove(name);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body, replay);
    }

    public ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        more.forEach((name, value) -> {
            copy.remove(name);
            copy.put(name, value);
        });
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
