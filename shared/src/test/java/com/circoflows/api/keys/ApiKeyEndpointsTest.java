package com.circoflows.api.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
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
import com.circoflows.testing.Responses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST, GET and DELETE /api/keys through the pipeline that serves them, on in-memory stores. */
class ApiKeyEndpointsTest {
    private static final String MERCHANT = "mch_AAAAAAAAAAAAAAAAAAAA";
    private static final Duration TTL = Duration.ofSeconds(60);

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final CountingSecretHasher hasher = CountingSecretHasher.sha256();
    private final CountingSecretHasher legacyHasher = CountingSecretHasher.fastBcrypt();
    private final MutableClock clock = MutableClock.atTestNow();
    private final VerifiedKeyCache cache = new VerifiedKeyCache(TTL, new ManualNanoClock());
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, legacyHasher, cache, clock);
    private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();
    private final RateLimiter limiter = new RateLimiter(counter, clock);
    private final MerchantApiPipeline writes = new MerchantApiPipeline(authenticator, limiter, idempotency, clock);
    private final MerchantApiPipeline reads = new MerchantApiPipeline(authenticator, limiter);
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(keys, hasher, clock);
    private final ApiKeyManagement management = new ApiKeyManagement(keys, issuer, cache,
            keyId -> limiter.markRevoked(keyId, TTL), clock);
    private final CreateApiKeyEndpoint create = new CreateApiKeyEndpoint(management);
    private final ListApiKeysEndpoint list = new ListApiKeysEndpoint(management);
    private final RevokeApiKeyEndpoint revoke = new RevokeApiKeyEndpoint(management);
    private final IssuedApiKey first = issuer.issue(MERCHANT, Mode.TEST);

    @Test
    void everyKeyRouteCountsAgainstTheAuthenticationLimit() {
        for (MerchantEndpoint endpoint : List.<MerchantEndpoint>of(create, list, revoke)) {
            assertEquals(RateLimitClass.AUTHENTICATION, endpoint.rateLimitClass(), endpoint.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"name\": null}"})
    void createWithoutANameAnswersTheNewKeyOnceBesideItsListing(String body) {
        ApiResponse response = writes.handle(post(body), create);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("API key created", Responses.body(response).get("message"));
        Map<String, Object> data = Responses.data(response);
        String apiKey = (String) data.get("api_key");
        StoredApiKey stored = newestKey();
        assertEquals("cf_test_" + stored.keyId(), apiKey.substring(0, 24));
        assertEquals(List.of("key_id", "prefix", "name", "mode", "status", "created_at", "last_used_at",
                "revoked_at", "api_key"), List.copyOf(data.keySet()));
        assertEquals("key_" + stored.keyId(), data.get("key_id"));
        assertEquals(stored.displayPrefix(), data.get("prefix"));
        assertNull(data.get("name"));
        assertEquals("test", data.get("mode"));
        assertEquals("active", data.get("status"));
        assertEquals("2026-11-23T12:00:00Z", data.get("created_at"));
        assertNull(data.get("last_used_at"));
        assertNull(data.get("revoked_at"));
        assertFalse(response.body().contains(stored.secretHash()), "never the hash");
        assertEquals("no-store", response.headers().get("cache-control"));
    }

    @Test
    void createKeepsTheName() {
        ApiResponse response = writes.handle(post("{\"name\": \"Production – EU servers\"}"), create);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Production – EU servers", Responses.data(response).get("name"));
        assertEquals("Production – EU servers", newestKey().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"\"}", "{\"name\": \"   \"}", "{\"name\": 7}", "{\"name\": \"line\\nbreak\"}",
            "{\"name\": \"tab\\there\"}", "{\"name\": \"card 4242424242424242\"}", "{\"name\": [\"a\"]}"})
    void badNamesAre400NamingTheParamAndCreateNothing(String body) {
        ApiResponse response = writes.handle(post(body), create);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", Responses.error(response).get("code"));
        assertEquals("name", Responses.error(response).get("param"));
        assertFalse(response.body().contains("4242424242424242"), "a value is never echoed");
        assertEquals(1, keys.all().size());
    }

    @Test
    void nameOfAHundredCharactersIsKeptAndOneMoreIsRefused() {
        assertEquals(200, writes.handle(post("{\"name\": \"" + "n".repeat(100) + "\"}"), create).statusCode());
        assertEquals(400, writes.handle(post("{\"name\": \"" + "n".repeat(101) + "\"}"), create).statusCode());
    }

    @Test
    void unknownFieldsAreRefusedWithTheirName() {
        ApiResponse response = writes.handle(post("{\"name\": \"x\", \"mode\": \"live\"}"), create);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("mode", Responses.error(response).get("param"));
        assertEquals(1, keys.all().size());
    }

    @Test
    void idempotentRetryAnswersTheSameKeyWithoutItsSecretAndCreatesNoSecondKey() {
        ApiResponse created = writes.handle(postRequest("{\"name\": \"deploy\"}").header("idempotency-key", "k-1").build(),
                create);
        ApiResponse replay = writes.handle(postRequest("{\"name\": \"deploy\"}").header("idempotency-key", "k-1").build(),
                create);

        String fullKey = (String) Responses.data(created).get("api_key");
        assertEquals(2, keys.all().size(), "one key created");
        assertEquals(200, replay.statusCode());
        assertEquals("true", replay.headers().get("idempotent-replayed"));
        assertEquals(CreateApiKeyEndpoint.REPLAY_MESSAGE, Responses.body(replay).get("message"));
        Map<String, Object> replayed = Responses.data(replay);
        assertFalse(replayed.containsKey("api_key"), replay.body());
        assertEquals(Responses.data(created).get("key_id"), replayed.get("key_id"));
        assertEquals("deploy", replayed.get("name"));
        String secret = fullKey.substring(fullKey.length() - 32);
        assertFalse(replay.body().contains(secret));
        assertEquals(1, idempotency.savedBodies().size());
        assertFalse(idempotency.savedBodies().get(0).contains(secret), "the idempotency record never holds the key");
    }

    @Test
    void listShowsTheKeysWithoutSecretsAndValidatesTheLimit() {
        clock.advance(Duration.ofSeconds(1));
        writes.handle(post("{\"name\": \"second\"}"), create);

        ApiResponse response = reads.handle(get().query("limit", "1").build(), list);
        ApiResponse badLimit = reads.handle(get().query("limit", "101").build(), list);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> data = Responses.data(response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) data.get("keys");
        assertEquals(1, listed.size());
        assertEquals("second", listed.get(0).get("name"));
        assertFalse(listed.get(0).containsKey("api_key"));
        assertEquals(true, data.get("has_more"));
        for (StoredApiKey key : keys.all()) {
            assertFalse(response.body().contains(key.secretHash()));
        }
        assertEquals(400, badLimit.statusCode());
        assertEquals("limit", Responses.error(badLimit).get("param"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key_NoSuchLookupId00", "key_short", "NoSuchLookupId00", "key_NoSuchLookupId0!", "txn_x"})
    void revokingAnUnknownOrMalformedIdIsTheSame404(String keyId) {
        ApiResponse response = reads.handle(delete(keyId).build(), revoke);
        ApiResponse reference = reads.handle(delete("key_AAAAAAAAAAAAAAAA").build(), revoke);

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("api_key_not_found", Responses.error(response).get("code"));
        assertEquals("invalid_request_error", Responses.error(response).get("type"));
        assertEquals(reference.body(), response.body());
    }

    @Test
    void revokingTheLastKeyIs409UntilConfirmed() {
        ApiResponse refused = reads.handle(delete("key_" + first.stored().keyId()).build(), revoke);
        ApiResponse badFlag = reads.handle(delete("key_" + first.stored().keyId())
                .query("confirm_last_key", "yes").build(), revoke);

        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("last_active_key", Responses.error(refused).get("code"));
        assertTrue(((String) Responses.error(refused).get("message")).contains("confirm_last_key=true"));
        assertEquals(400, badFlag.statusCode());
        assertEquals("confirm_last_key", Responses.error(badFlag).get("param"));
        assertEquals(ApiKeyStatus.ACTIVE, keys.find(first.stored().keyId()).orElseThrow().status());

        ApiResponse confirmed = reads.handle(delete("key_" + first.stored().keyId())
                .query("confirm_last_key", "true").build(), revoke);

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("API key revoked", Responses.body(confirmed).get("message"));
        assertEquals("revoked", Responses.data(confirmed).get("status"));
        assertEquals("2026-11-23T12:00:00Z", Responses.data(confirmed).get("revoked_at"));
        assertEquals(401, reads.handle(get().build(), list).statusCode(), "the key revoked itself, here at once");
    }

    /**
     * Another container: its own cache, the same key table and rate-limit table. It verified the key
     * a moment ago; the revocation made here reaches it through the mark on the key's rate-limit
     * buckets, which the count its next request makes anyway reads back.
     */
    @Test
    void keyRevokedThroughOneContainerIsRefusedByAnotherThatCachedItOnItsNextRequest() {
        IssuedApiKey second = issuer.issue(MERCHANT, Mode.TEST);
        CountingSecretHasher elsewhereHasher = CountingSecretHasher.sha256();
        ApiKeyAuthenticator elsewhere = new ApiKeyAuthenticator(keys, elsewhereHasher, legacyHasher,
                new VerifiedKeyCache(TTL, new ManualNanoClock()), clock);
        MerchantApiPipeline otherContainer = new MerchantApiPipeline(elsewhere, limiter);
        MerchantEndpoint payments = new HealthLikePaymentsRoute();
        assertEquals(200, otherContainer.handle(ApiRequests.get("/api/anything").bearer(second.fullKey()).build(),
                payments).statusCode());
        assertEquals(200, otherContainer.handle(ApiRequests.get("/api/anything").bearer(second.fullKey()).build(),
                payments).statusCode(), "served from that container's cache");
        assertEquals(1, elsewhereHasher.matchCalls(), "verified once, then cached");
        clock.advance(Duration.ofSeconds(5));

        ApiResponse revoked = reads.handle(delete("key_" + second.stored().keyId()).build(), revoke);
        assertEquals(200, revoked.statusCode(), revoked.body());

        ApiResponse refused = otherContainer.handle(ApiRequests.get("/api/anything").bearer(second.fullKey()).build(),
                payments);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("authentication_failed", Responses.error(refused).get("code"));
        clock.advance(TTL.minusSeconds(10));
        assertEquals(401, otherContainer.handle(ApiRequests.get("/api/anything").bearer(second.fullKey()).build(),
                payments).statusCode(), "and stays refused");
    }

    @Test
    void revocationMarksTheKeysBucketsOfEveryClassUntilEveryCacheHasLetGoOfIt() {
        IssuedApiKey second = issuer.issue(MERCHANT, Mode.TEST);
        clock.advance(Duration.ofSeconds(20));

        reads.handle(delete("key_" + second.stored().keyId()).build(), revoke);

        long minute = clock.instant().getEpochSecond() - clock.instant().getEpochSecond() % 60;
        String id = second.stored().keyId();
        assertEquals(Set.of("auth#" + id + "#" + minute, "payments#" + id + "#" + minute,
                "webhooks#" + id + "#" + minute, "auth#" + id + "#" + (minute + 60),
                "payments#" + id + "#" + (minute + 60), "webhooks#" + id + "#" + (minute + 60)),
                counter.revokedBuckets(), "now's window and the one holding now + the cache's TTL");
        assertEquals(Instant.ofEpochSecond(minute + 180), counter.expiryOf("auth#" + id + "#" + (minute + 60)));
    }

    /** A payments-class route that answers 200 to any authenticated caller. */
    private static final class HealthLikePaymentsRoute implements MerchantEndpoint {
        @Override
        public RateLimitClass rateLimitClass() {
            return RateLimitClass.PAYMENTS;
        }

        @Override
        public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
            return Envelope.ok(200, null, Map.of("merchant_id", caller.merchantId()));
        }
    }

    private StoredApiKey newestKey() {
        return keys.all().get(keys.all().size() - 1);
    }

    private ApiRequest post(String body) {
        return postRequest(body).build();
    }

    private ApiRequests postRequest(String body) {
        return ApiRequests.post("/api/keys", body).bearer(first.fullKey());
    }

    private ApiRequests get() {
        return ApiRequests.get("/api/keys").bearer(first.fullKey());
    }

    private ApiRequests delete(String keyId) {
        return ApiRequests.get("/api/keys/" + keyId).method("DELETE").pathParam("key_id", keyId)
                .bearer(first.fullKey());
    }
}
