package com.circoflows.api;

import com.circoflows.domain.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The success and error envelopes of the API contract. */
public final class Envelope {
    private Envelope() {
    }

    public static Map<String, Object> success(String message, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        if (message != null) {
            body.put("message", message);
        }
        body.put("data", data);
        return body;
    }

    public static ApiResponse ok(int status, String message, Map<String, Object> data) {
        return ApiResponse.json(status, success(message, data));
    }

    public static ApiResponse error(ApiException e) {
        return error(e, Map.of());
    }

    /** {@code extra} adds fields to the error object, e.g. the transaction_id of a declined payment. */
    public static ApiResponse error(ApiException e, Map<String, Object> extra) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().code());
        error.put("message", e.getMessage());
        error.put("type", e.code().type().wireName());
        if (e.declineCode() != null) {
            error.put("decline_code", e.declineCode());
        }
        if (e.param() != null) {
            error.put("param", e.param());
        }
        error.putAll(extra);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        return ApiResponse.json(ErrorStatuses.of(e.code()), body);
    }
}
