package com.circoflows.client;

import com.circoflows.client.model.Health;

/** {@code /api/health}: is the API up, and does the key work. */
public final class HealthService {
    private final ApiRequestor requestor;

    HealthService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /** The key's merchant and mode; a bad key is an {@link AuthenticationException}. */
    @ApiOperation("getHealth")
    public Health check() {
        return requestor.get("/api/health", Health.class);
    }
}
