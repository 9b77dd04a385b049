package com.circoflows.client;

import java.util.Objects;

/**
 * Per-request settings. Give your own {@code Idempotency-Key} (an order id, say) to make a retry of
 * the whole operation, even from another process after a crash, land on the same payment; without
 * one the client makes a random key per call, which still covers the client's own retries.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);

    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public static RequestOptions none() {
        return NONE;
    }

    /** 1 to 255 printable ASCII characters (the API refuses anything else with 400). */
    public static RequestOptions idempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotency key");
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("An Idempotency-Key is 1 to 255 printable ASCII characters");
        }
        return new RequestOptions(key);
    }

    /** The caller's key, or null when the client should make one. */
    String getIdempotencyKey() {
        return idempotencyKey;
    }
}
