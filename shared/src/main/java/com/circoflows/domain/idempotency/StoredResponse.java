package com.circoflows.domain.idempotency;

import java.util.Map;

/** A completed request's answer as saved for replay: status, the headers that matter, body. */
public record StoredResponse(int status, Map<String, String> headers, String body) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
