package com.circoflows.api.webhooks;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.domain.error.ApiException;
import java.util.Map;
import java.util.function.Supplier;

/** Calls an endpoint the way the pipeline does: an ApiException becomes its error envelope. */
final class WebhookApiCalls {
    private WebhookApiCalls() {
    }

    static ApiResponse respond(Supplier<ApiResponse> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            return Envelope.error(e);
        }
    }

    /** A GET with query parameters (ApiRequests builds none). */
    static ApiRequest get(String path, Map<String, String> pathParameters, Map<String, String> query) {
        return new ApiRequest("GET", path, pathParameters, Map.of(), query, null, "203.0.113.7", "req-test-1",
                "api.circoflows.test");
    }
}
