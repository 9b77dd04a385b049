package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryIdempotencyStore;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.Responses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Setting the endpoint and rotating the secret retried with the same Idempotency-Key, through the
 * real pipeline: the secret is in the first answer only, never in a replay, never in the record.
 */
class WebhookSecretReplayTest {
    private static final String URL = "https://hooks.acme.example/circoflows";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final MutableClock clock = MutableClock.atTestNow();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MerchantApiPipeline pipeline = new MerchantApiPipeline(
            new ApiKeyAuthenticator(keys, hasher, CountingSecretHasher.fastBcrypt(), new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock()),
                    clock),
            new RateLimiter(new InMemoryRateLimitCounter(), clock), store, clock);
    private final IssuedApiKey key = new ApiKeyIssuer(keys, hasher, clock).issue("mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);
    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final WebhookEndpointService service = new WebhookEndpointService(endpoints,
            new MerchantUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}), clock);

    @Test
    void rotateRetriedWithItsKeyRotatesOnceAndNeverShowsOrSavesTheSecretAgain() {
        endpoints.ensureSecret(key.stored().merchantId(), WebhookSecret.generate());
        RotateWebhookSecretEndpoint rotate = new RotateWebhookSecretEndpoint(service);

        ApiResponse first = pipeline.handle(rotateRequest("rotate-1"), rotate);
        ApiResponse retried = pipeline.handle(rotateRequest("rotate-1"), rotate);

        String secret = (String) Responses.data(first).get("secret");
        assertTrue(secret.startsWith("whsec_"), first.body());
        assertEquals(secret, endpoints.stored(key.stored().merchantId()).secret().value(), "rotated once");
        assertEquals(200, retried.statusCode());
        assertEquals("true", retried.headers().get("idempotent-replayed"));
        assertFalse(retried.body().contains("whsec_"), retried.body());
        assertEquals(RotateWebhookSecretEndpoint.REPLAY_MESSAGE, Responses.body(retried).get("message"));
        assertEquals(Responses.data(first).get("previous_secret_expires_at"),
                Responses.data(retried).get("previous_secret_expires_at"));
        assertNoSecretSaved();
    }

    @Test
    void setRetriedWithItsKeyNeverShowsOrSavesTheSecretItCreated() {
        SetWebhookEndpointEndpoint set = new SetWebhookEndpointEndpoint(service);

        ApiResponse first = pipeline.handle(setRequest("set-1"), set);
        ApiResponse retried = pipeline.handle(setRequest("set-1"), set);

        assertTrue(((String) Responses.data(first).get("secret")).startsWith("whsec_"), first.body());
        assertEquals("true", retried.headers().get("idempotent-replayed"));
        assertEquals(Map.of("url", URL, "status", "enabled"), Responses.data(retried));
        assertEquals(SetWebhookEndpointEndpoint.REPLAY_MESSAGE, Responses.body(retried).get("message"));
        assertNoSecretSaved();
    }

    @Test
    void setThatShowsNoSecretIsReplayedAsItWas() {
        endpoints.ensureSecret(key.stored().merchantId(), WebhookSecret.generate());
        SetWebhookEndpointEndpoint set = new SetWebhookEndpointEndpoint(service);

        ApiResponse first = pipeline.handle(setRequest("set-2"), set);
        ApiResponse retried = pipeline.handle(setRequest("set-2"), set);

        assertNull(Responses.data(first).get("secret"));
        assertEquals(first.body(), retried.body());
        assertNoSecretSaved();
    }

    private void assertNoSecretSaved() {
        assertFalse(store.savedBodies().isEmpty(), "an answer was saved");
        store.savedBodies().forEach(body -> assertFalse(body.contains("whsec_"), body));
    }

    private ApiRequest rotateRequest(String idempotencyKey) {
        return ApiRequests.post("/api/webhook-endpoint/rotate-secret", null).bearer(key.fullKey())
                .header("idempotency-key", idempotencyKey).build();
    }

    private ApiRequest setRequest(String idempotencyKey) {
        return ApiRequests.post("/api/webhook-endpoint", "{\"url\": \"" + URL + "\"}").method("PUT")
                .bearer(key.fullKey()).header("idempotency-key", idempotencyKey).build();
    }
}
