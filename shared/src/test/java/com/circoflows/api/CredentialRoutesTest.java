package com.circoflows.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.health.HealthEndpoint;
import com.circoflows.api.keys.CreateApiKeyEndpoint;
import com.circoflows.api.keys.ListApiKeysEndpoint;
import com.circoflows.api.keys.RevokeApiKeyEndpoint;
import com.circoflows.api.webhooks.ExpirePreviousWebhookSecretEndpoint;
import com.circoflows.api.webhooks.RotateWebhookSecretEndpoint;
import com.circoflows.api.webhooks.SetWebhookEndpointEndpoint;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryIdempotencyStore;
import com.circoflows.testing.InMemoryRateLimitCounter;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.ManualNanoClock;
import com.circoflows.testing.MutableClock;
import com.circoflows.testing.Responses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routes that manage credentials (API keys, the webhook endpoint and its signing secret) check
 * the caller's key against the key table on every call: a key revoked in another container, which
 * this container verified a moment ago and still caches, can do none of it on its very next call.
 * The revocations here are made behind the API's back, as another container whose announcement got
 * lost would leave them, so only the table can tell.
 */
class CredentialRoutesTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";
    private static final String HOOK_URL = "{\"url\": \"http://localhost:9/hook\"}";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final MutableClock clock = MutableClock.atTestNow();
    private final VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ofSeconds(60), new ManualNanoClock());
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, CountingSecretHasher.sha256(),
            CountingSecretHasher.fastBcrypt(), cache, clock);
    private final RateLimiter limiter = new RateLimiter(new InMemoryRateLimitCounter(), clock);
    private final MerchantApiPipeline writes = new MerchantApiPipeline(authenticator, limiter,
            new InMemoryIdempotencyStore(), clock);
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(keys, CountingSecretHasher.sha256(), clock);
    private final ApiKeyManagement management = new ApiKeyManagement(keys, issuer, cache, keyId -> { }, clock);
    private final InMemoryWebhookEndpointRepository webhookEndpoints = new InMemoryWebhookEndpointRepository();
    private final WebhookEndpointService webhooks = new WebhookEndpointService(webhookEndpoints,
            new MerchantUrlPolicy(true), clock);
    private final IssuedApiKey leaked = issuer.issue(MERCHANT, Mode.TEST);
    private final IssuedApiKey kept = issuer.issue(MERCHANT, Mode.TEST);

    @Test
    void theKeyAndWebhookRoutesThatChangeCredentialsDeclareItAndNoOtherDoes() {
        Map<String, MerchantEndpoint> declaring = credentialRoutes();
        declaring.forEach((name, endpoint) -> assertTrue(endpoint.managesCredentials(), name));
        for (MerchantEndpoint endpoint : List.of(new ListApiKeysEndpoint(management), new HealthEndpoint(clock))) {
            assertFalse(endpoint.managesCredentials(), endpoint.getClass().getSimpleName());
        }
    }

    @Test
    void aKeyRevokedElsewhereCanManageNoCredentialOnItsVeryNextCallThoughThisContainerCachedIt() {
        assertEquals(200, call(new HealthEndpoint(clock), ApiRequests.get("/api/health"), leaked).statusCode(),
                "verified, and cached here");
        keys.revoke(leaked.stored().keyId());
        int keysBefore = keys.all().size();

        credentialRoutes().forEach((name, endpoint) -> {
            ApiResponse refused = call(endpoint, request(name), leaked);
            assertEquals(401, refused.statusCode(), name + ": " + refused.body());
            assertEquals("authentication_failed", Responses.error(refused).get("code"), name);
        });

        assertEquals(keysBefore, keys.all().size(), "no key was created");
        assertTrue(webhookEndpoints.find(MERCHANT).isEmpty(), "no webhook endpoint was set");
    }

    @Test
    void anActiveKeyManagesCredentialsAsBefore() {
        Map<String, MerchantEndpoint> routes = credentialRoutes();
        routes.forEach((name, endpoint) -> {
            ApiResponse answered = call(endpoint, request(name), kept);
            assertEquals(200, answered.statusCode(), name + ": " + answered.body());
        });
        assertEquals(3, keys.all().size(), "one key created");
    }

    /** In the order a merchant could call them: set the endpoint before rotating its secret. */
    private Map<String, MerchantEndpoint> credentialRoutes() {
        Map<String, MerchantEndpoint> routes = new LinkedHashMap<>();
        routes.put("POST /api/keys", new CreateApiKeyEndpoint(management));
        routes.put("DELETE /api/keys/{key_id}", new RevokeApiKeyEndpoint(management));
        routes.put("PUT /api/webhook-endpoint", new SetWebhookEndpointEndpoint(webhooks));
        routes.put("POST /api/webhook-endpoint/rotate-secret", new RotateWebhookSecretEndpoint(webhooks));
        routes.put("POST /api/webhook-endpoint/expire-previous-secret",
                new ExpirePreviousWebhookSecretEndpoint(webhooks));
        return routes;
    }

    /** DELETE revokes the leaked key itself (with another key still active), as its holder would try to. */
    private ApiRequests request(String route) {
        return switch (route) {
            case "POST /api/keys" -> ApiRequests.post("/api/keys", "{}");
            case "DELETE /api/keys/{key_id}" -> ApiRequests.get("/api/keys/key_" + leaked.stored().keyId())
                    .method("DELETE").pathParam("key_id", "key_" + leaked.stored().keyId());
            case "PUT /api/webhook-endpoint" -> ApiRequests.post("/api/webhook-endpoint", HOOK_URL).method("PUT");
            case "POST /api/webhook-endpoint/rotate-secret" ->
                    ApiRequests.post("/api/webhook-endpoint/rotate-secret", null);
            case "POST /api/webhook-endpoint/expire-previous-secret" ->
                    ApiRequests.post("/api/webhook-endpoint/expire-previous-secret", null);
            default -> throw new IllegalArgumentException(route);
        };
    }

    private ApiResponse call(MerchantEndpoint endpoint, ApiRequests request, IssuedApiKey key) {
        return writes.handle(request.bearer(key.fullKey()).build(), endpoint);
    }
}
