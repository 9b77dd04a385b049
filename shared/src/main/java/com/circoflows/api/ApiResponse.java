package com.circoflows.api;

import java.util.LinkedHashMap;
import java.util.Map;

public record ApiResponse(int statusCode, Map<String, String> headers, String body) {

    public static ApiResponse json(int statusCode, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        return new ApiResponse(statusCode, headers, Json.write(body));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body);
    }

    public ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.putAll(more);
        return new ApiResponse(statusCode, copy, body);
    }
}
