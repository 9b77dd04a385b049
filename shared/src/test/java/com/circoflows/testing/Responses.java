package com.circoflows.testing;

import com.circoflows.api.ApiResponse;
import com.circoflows.json.Json;
import java.util.Map;

/** Reads the JSON envelope of an ApiResponse. */
public final class Responses {
    private Responses() {
    }

    public static Map<String, Object> body(ApiResponse response) {
        return Json.readMap(response.body());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(ApiResponse response) {
        return (Map<String, Object>) body(response).get("data");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> error(ApiResponse response) {
        Object error = body(response).get("error");
        if (error == null) {
            throw new AssertionError("no error object in " + response.body());
        }
        return (Map<String, Object>) error;
    }
}
