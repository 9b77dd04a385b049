package com.circoflows.localrunner.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The key lifecycle over HTTP: rotate without downtime, the last-key confirmation, tenant scoping,
 * the authentication limit and the Idempotency-Key replay that never shows a key twice. Most of it
 * runs on a runner of its own whose functions trust no verification (API_KEY_CACHE_TTL_SECONDS=0),
 * so every function reads the key table on every request; two tests show the template's 60 s cache on
 * the shared runner, where a revocation reaches every function through its rate-limit mark, and the
 * credential routes ask the table even without it.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyLifecycleIT {

    private final E2e shared;
    private E2e uncached;

    /** The shared runner is asked for first so that its output capture also sees this class's runner. */
    ApiKeyLifecycleIT(E2e shared) {
        this.shared = shared;
    }

    @BeforeAll
    void startRunnerWithoutKeyCache() {
        uncached = E2e.startSeparate(LocalRunnerOptions.forTests()
                .withEnvironmentOverride("API_KEY_CACHE_TTL_SECONDS", "0"));
    }

    @AfterAll
    void stopRunner() {
        if (uncached != null) {
            uncached.close();
        }
    }

    @Test
    void rotationWithoutDowntimeCreateUseListRevokeTheOldOne() {
        E2e.TestMerchant merchant = uncached.newMerchant("Rotating Merchant");
        Api old = merchant.api();
        assertEquals(200, old.health().status());

        HttpResult created = old.post("/api/keys", "{\"name\": \"2025 rotation\"}");
        assertEquals(200, created.status(), created::describe);
        assertEquals("API key created", created.json().path("message").asText());
        String newKey = created.data().path("api_key").asText();
        String newKeyId = created.data().path("key_id").asText();
        Api fresh = uncached.api(newKey);

        HttpResult health = fresh.health();
        assertEquals(200, health.status(), health::describe);
        assertEquals(merchant.merchantId(), health.data().path("merchant_id").asText());

        HttpResult listed = fresh.get("/api/keys");
        assertEquals(200, listed.status(), listed::describe);
        String oldKeyId = "key_" + merchant.apiKey().substring(8, 24);
        assertEquals(List.of(newKeyId, oldKeyId), ids(listed));
        JsonNode newest = listed.data().path("keys").path(0);
        JsonNode first = listed.data().path("keys").path(1);
        assertEquals("2025 rotation", newest.path("name").asText());
        assertTrue(first.path("name").isNull(), "the onboarding key has no name: " + listed.describe());
        for (JsonNode key : List.of(newest, first)) {
            assertEquals("active", key.path("status").asText());
            assertFalse(key.path("last_used_at").isNull(), "both keys were verified: " + key);
            assertTrue(key.path("revoked_at").isNull());
        }
        assertNoSecretOf(listed, merchant.apiKey(), newKey);

        HttpResult revoked = fresh.call("DELETE", "/api/keys/" + oldKeyId, null);
        assertEquals(200, revoked.status(), revoked::describe);
        assertEquals("revoked", revoked.data().path("status").asText());

        assertAuthenticationFailed(old.health());
        assertAuthenticationFailed(old.get("/api/keys"));
        assertAuthenticationFailed(old.call("POST", "/api/direct-payment", "{}"));
        assertEquals(200, fresh.health().status(), "the new key carries on");
        HttpResult after = fresh.get("/api/keys");
        assertEquals("revoked", after.data().path("keys").path(1).path("status").asText(), after::describe);
        assertFalse(after.data().path("keys").path(1).path("revoked_at").isNull());
    }

    @Test
    void revokingTheLastActiveKeyNeedsConfirmation() {
        E2e.TestMerchant merchant = uncached.newMerchant("Last Key Merchant");
        String ownId = "key_" + merchant.apiKey().substring(8, 24);

        HttpResult refused = merchant.api().call("DELETE", "/api/keys/" + ownId, null);

        assertEquals(409, refused.status(), refused::describe);
        assertEquals("last_active_key", refused.error().path("code").asText());
        assertEquals(200, merchant.api().health().status(), "nothing changed");

        HttpResult confirmed = merchant.api().call("DELETE", "/api/keys/" + ownId + "?confirm_last_key=true", null);

        assertEquals(200, confirmed.status(), confirmed::describe);
        assertEquals("revoked", confirmed.data().path("status").asText());
        assertAuthenticationFailed(merchant.api().health());
    }

    @Test
    void anotherMerchantsKeyIsNotFoundExactlyLikeAnUnknownOneAndKeepsWorking() {
        E2e.TestMerchant owner = uncached.newMerchant("Key Owner");
        E2e.TestMerchant stranger = uncached.newMerchant("Key Stranger");
        String ownersKeyId = "key_" + owner.apiKey().substring(8, 24);

        HttpResult byStranger = stranger.api().call("DELETE", "/api/keys/" + ownersKeyId + "?confirm_last_key=true",
                null);
        HttpResult unknown = stranger.api().call("DELETE", "/api/keys/key_NoSuchApiKey0000?confirm_last_key=true",
                null);
        HttpResult strangersList = stranger.api().get("/api/keys");

        assertEquals(404, byStranger.status(), byStranger::describe);
        assertEquals("api_key_not_found", byStranger.error().path("code").asText());
        assertEquals(unknown.body(), byStranger.body());
        assertFalse(strangersList.body().contains(ownersKeyId), strangersList::describe);
        assertEquals(200, owner.api().health().status(), "the owner's key still works");
    }

    @Test
    void idempotentRetryOfACreateShowsTheKeyOnlyTheFirstTimeAndCreatesOne() {
        E2e.TestMerchant merchant = uncached.newMerchant("Retrying Key Merchant");
        Map<String, String> idempotency = Map.of("Idempotency-Key", "new-key-" + merchant.merchantId());

        HttpResult first = merchant.api().post("/api/keys", "{\"name\": \"retried\"}", idempotency);
        HttpResult replay = merchant.api().post("/api/keys", "{\"name\": \"retried\"}", idempotency);

        assertEquals(200, first.status(), first::describe);
        String key = first.data().path("api_key").asText();
        assertEquals(200, replay.status(), replay::describe);
        assertEquals("true", replay.header("idempotent-replayed"));
        assertFalse(replay.data().has("api_key"), replay::describe);
        assertEquals(first.data().path("key_id"), replay.data().path("key_id"));
        assertFalse(replay.body().contains(key.substring(24)));
        assertEquals(2, ids(merchant.api().get("/api/keys")).size(), "one key created");
        uncached.dynamoDb().scanPaginator(scan -> scan.tableName(uncached.tableName("IdempotencyTable"))).items()
                .forEach(item -> assertFalse(item.toString().contains(key.substring(24)),
                        "the idempotency table holds the key"));
    }

    @Test
    void theEleventhKeyCallInAMinuteIs429() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            E2e.TestMerchant merchant = uncached.newMerchant("Busy Key Merchant " + attempt);
            List<HttpResult> answers = new ArrayList<>();
            answers.add(merchant.api().post("/api/keys", "{}"));
            for (int i = 0; i < 8; i++) {
                answers.add(merchant.api().get("/api/keys?limit=1"));
            }
            answers.add(merchant.api().call("DELETE", "/api/keys/key_NoSuchApiKey0000", null));
            answers.add(merchant.api().get("/api/keys"));
            if (answers.stream().map(answer -> answer.header("x-ratelimit-reset")).distinct().count() > 1) {
                // The run straddled a minute boundary, so both windows had room: the next run, with a
                // fresh merchant, starts in a new minute and has nearly all of it.
                continue;
            }
            for (int i = 0; i < 10; i++) {
                HttpResult answer = answers.get(i);
                assertTrue(answer.status() == 200 || answer.status() == 404, answer::describe);
                assertEquals("10", answer.header("x-ratelimit-limit"), answer::describe);
                assertEquals(Integer.toString(9 - i), answer.header("x-ratelimit-remaining"), answer::describe);
            }
            HttpResult throttled = answers.get(10);
            assertEquals(429, throttled.status(), throttled::describe);
            assertEquals("rate_limit_exceeded", throttled.error().path("code").asText());
            assertTrue(throttled.header("retry-after").matches("\\d+"), throttled::describe);
            return;
        }
        fail("two runs of 11 requests both crossed a minute boundary");
    }

    /**
     * With the template's 60 s cache: the revoking function forgets the key at once, and every other
     * function that verified it a moment ago (each has its own cache, as each Lambda container does)
     * learns of the revocation from the mark on the key's rate-limit buckets, which its next request
     * counts anyway.
     */
    @Test
    void withTheDefaultCacheARevokedKeyIsRefusedOnItsNextRequestByEveryFunctionThatCachedIt() {
        E2e.TestMerchant merchant = shared.newMerchant("Cached Key Merchant");
        HttpResult created = merchant.api().post("/api/keys", "{}");
        Api second = shared.api(created.data().path("api_key").asText());
        Map<String, Supplier<HttpResult>> everywhere = new LinkedHashMap<>();
        everywhere.put("health", second::health);
        everywhere.put("payment status", () -> second.status("txn_000000000000000000000000"));
        everywhere.put("webhook events", () -> second.get("/api/webhook-events"));
        everywhere.put("create key (400)", () -> second.post("/api/keys", "{\"mode\": \"live\"}"));
        everywhere.put("revoke key (404)", () -> second.call("DELETE", "/api/keys/key_NoSuchApiKey0000", null));
        everywhere.put("set webhook endpoint (400)", () -> second.call("PUT", "/api/webhook-endpoint", "{}"));
        everywhere.forEach((route, call) -> {
            HttpResult warm = call.get();
            assertTrue(warm.status() == 200 || warm.status() == 400 || warm.status() == 404,
                    route + " verified the key: " + warm.describe());
        });

        HttpResult revoked = merchant.api().call("DELETE", "/api/keys/" + created.data().path("key_id").asText(),
                null);
        assertEquals(200, revoked.status(), revoked::describe);

        everywhere.forEach((route, call) -> assertAuthenticationFailed(route, call.get()));
    }

    /**
     * A revocation whose announcement never reached the other functions (written straight to the key
     * table here): the routes that manage credentials ask the table on every call, so the key can do
     * none of that on its very next call, though every one of them cached it a moment ago.
     */
    @Test
    void aKeyRevokedInTheTableAloneCanManageNoCredentialOnItsNextCallThoughCached() {
        E2e.TestMerchant merchant = shared.newMerchant("Leaked Key Merchant");
        HttpResult created = merchant.api().post("/api/keys", "{}");
        Api leaked = shared.api(created.data().path("api_key").asText());
        String ownersKeyId = "key_" + merchant.apiKey().substring(8, 24);
        Map<String, Supplier<HttpResult>> credentialRoutes = new LinkedHashMap<>();
        credentialRoutes.put("create key", () -> leaked.post("/api/keys", "{}"));
        credentialRoutes.put("revoke the owner's key", () -> leaked.call("DELETE",
                "/api/keys/" + ownersKeyId + "?confirm_last_key=true", null));
        credentialRoutes.put("set webhook endpoint", () -> leaked.call("PUT", "/api/webhook-endpoint",
                "{\"url\": \"http://localhost:9/attacker\"}"));
        credentialRoutes.put("rotate webhook secret", () -> leaked.post("/api/webhook-endpoint/rotate-secret", "{}"));
        assertEquals(400, leaked.post("/api/keys", "{\"mode\": \"live\"}").status(), "create cached it");
        assertEquals(404, leaked.call("DELETE", "/api/keys/key_NoSuchApiKey0000", null).status(), "revoke too");
        assertEquals(400, leaked.call("PUT", "/api/webhook-endpoint", "{}").status(), "set too");
        assertEquals(400, leaked.post("/api/webhook-endpoint/rotate-secret", "{\"x\": 1}").status(), "rotate too");

        DynamoApiKeyRepository table = new DynamoApiKeyRepository(shared.dynamoDb(), shared.tableName("ApiKeysTable"));
        String leakedId = created.data().path("key_id").asText().substring("key_".length());
        table.revoke(table.find(leakedId).orElseThrow(), Instant.now(), null);

        credentialRoutes.forEach((route, call) -> assertAuthenticationFailed(route, call.get()));
        HttpResult keys = merchant.api().get("/api/keys");
        assertEquals(2, ids(keys).size(), "no key created: " + keys.describe());
        assertEquals("active", keys.data().path("keys").path(1).path("status").asText(), "the owner's key stands");
    }

    private static void assertAuthenticationFailed(String route, HttpResult result) {
        assertEquals(401, result.status(), route + ": " + result.describe());
        assertEquals("authentication_failed", result.error().path("code").asText(), route + ": " + result.describe());
    }

    private static void assertAuthenticationFailed(HttpResult result) {
        assertEquals(401, result.status(), result::describe);
        assertEquals("authentication_failed", result.error().path("code").asText(), result::describe);
    }

    private static void assertNoSecretOf(HttpResult result, String... keys) {
        for (String key : keys) {
            assertFalse(result.body().contains(key.substring(24)), "a secret in " + result.describe());
        }
        assertFalse(result.body().contains("api_key"), result::describe);
        assertFalse(result.body().contains("sha256:"), "a key hash in " + result.describe());
        assertFalse(result.body().contains("$2a$"), "a bcrypt hash in " + result.describe());
    }

    private static List<String> ids(HttpResult list) {
        List<String> ids = new ArrayList<>();
        list.data().path("keys").forEach(key -> ids.add(key.path("key_id").asText()));
        return ids;
    }
}
