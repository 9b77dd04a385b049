package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryIdempotencyStore;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Header names leave in the case the contract and the reference write them ({@code X-RateLimit-Limit}),
 * and can still be looked up in any case, as HTTP header names are case-insensitive.
 */
class ResponseHeaderCaseTest {
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final MutableClock clock = MutableClock.atTestNow();
    private final MerchantApiPipeline pipeline = new MerchantApiPipeline(
            new ApiKeyAuthenticator(keys, hasher, CountingSecretHasher.fastBcrypt(), new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()), clock),
            new RateLimiter(new InMemoryRateLimitCounter(), clock), new InMemoryIdempotencyStore(), clock);
    private final IssuedApiKey key = new ApiKeyIssuer(keys, hasher, clock).issue("mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);
    private final MerchantEndpoint endpoint = new MerchantEndpoint() {
        @Override
        public RateLimitClass rateLimitClass() {
            return RateLimitClass.AUTHENTICATION;
        }

        @Override
        public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
            return Envelope.ok(200, "ok", Map.of());
        }
    };

    @Test
    void everyApiHeaderNameIsInItsCanonicalCase() {
        ApiResponse first = call("key-1");
        ApiResponse replayed = call("key-1");
        ApiResponse limited = first;
        for (int i = 0; i < 20 && limited.statusCode() != 429; i++) {
            limited = call(null);
        }

        assertEquals(Set.of("Cache-Control", "Content-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", "X-Request-Id"), first.headers().keySet());
        // Copied into a plain set: the headers' own key set compares names regardless of case.
        assertTrue(Set.copyOf(replayed.headers().keySet()).contains("Idempotent-Replayed"), replayed.headers()::toString);
        assertEquals(429, limited.statusCode());
        assertTrue(Set.copyOf(limited.headers().keySet()).contains("Retry-After"), limited.headers()::toString);
    }

    @Test
    void headersAreFoundWhateverCaseTheyAreAskedFor() {
        ApiResponse response = call(null);

        assertEquals(response.headers().get("X-RateLimit-Limit"), response.headers().get("x-ratelimit-limit"));
        assertEquals("application/json", response.headers().get("content-type"));
        assertEquals("text/plain", response.withHeader("content-type", "text/plain").headers().get("Content-Type"));
    }

    private ApiResponse call(String idempotencyKey) {
        ApiRequests request = ApiRequests.post("/api/keys", "{}").bearer(key.fullKey());
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        return pipeline.handle(request.build(), endpoint);
    }
}
