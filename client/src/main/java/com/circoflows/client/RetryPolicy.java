package com.circoflows.client;

import java.time.Duration;
import java.util.Random;

/**
 * When to try again and how long to wait. Only answers that say nothing was done, or that the same
 * request is still running, are retried: a network error (the request may or may not have arrived;
 * the idempotency key makes the second arrival a replay), 409 {@code idempotency_key_in_use}, 429 and
 * 5xx (the API never saves a 5xx under the key, so the retry runs again). Any other 4xx is final.
 */
final class RetryPolicy {
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);
    /** A longer Retry-After than this is the caller's decision, not a wait to hide inside a call. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final int maxRetries;
    private final Random random;

    RetryPolicy(int maxRetries, Random random) {
        this.maxRetries = maxRetries;
        this.random = random;
    }

    int maxRetries() {
        return maxRetries;
    }

    static boolean isRetryable(int status, String errorCode) {
        return status == 429 || status >= 500
                || (status == 409 && "idempotency_key_in_use".equals(errorCode));
    }

    /**
     * Exponential backoff with full jitter (a uniform wait up to the exponential bound), so clients
     * that failed together do not come back together.
     *
     * @param retry 0 for the first retry
     */
    Duration backoff(int retry) {
        long bound = BASE_DELAY.toMillis() << Math.min(retry, 20);
        bound = Math.min(bound, MAX_DELAY.toMillis());
        return Duration.ofMillis((long) (random.nextDouble() * bound));
    }

    /** The server's Retry-After (delta seconds) if it gave a usable one, else null. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDateOrJunk) {
            return null;
        }
    }
}
