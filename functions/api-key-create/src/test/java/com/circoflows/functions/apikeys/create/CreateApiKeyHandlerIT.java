package com.circoflows.functions.apikeys.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CreateApiKeyHandler as Lambda runs it, fed events/api-key-create/*.json. */
@ExtendWith(HandlerStackExtension.class)
class CreateApiKeyHandlerIT {
    private static final String FUNCTION = "CreateApiKeyFunction";

    private static HandlerStack stack;
    private static CreateApiKeyHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, CreateApiKeyHandler.class, CreateApiKeyHandler::new);
    }

    @Test
    void keyRevokedElsewhereCannotCreateAKeyOnItsVeryNextCallThoughThisContainerCachedIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Leaked Key Merchant");
        IssuedApiKey leaked = stack.merchants().issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(event("api-key-create/unknown-field.json"),
                leaked.fullKey()));
        assertEquals(400, warm.getStatusCode(), "verified, and cached here: " + warm.getBody());
        revokeElsewhere(leaked);

        APIGatewayV2HTTPResponse refused = invoke(withApiKey(event("api-key-create/create.json"), leaked.fullKey()));

        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals("authentication_failed", json(refused).get("error").get("code").asText());
        assertEquals(List.of(merchant.apiKey().substring(8, 24)),
                stack.merchants().apiKeys().activeKeyIds(merchant.merchantId(), Mode.TEST), "no key was created");
    }

    @Test
    void createEventShowsTheNewKeyOnceStoresOnlyItsHashAndTheKeyWorks() {
        NewMerchant merchant = stack.merchants().newMerchant("Key Creating Merchant");
        APIGatewayV2HTTPEvent event = event("api-key-create/create.json");
        assertEquals("{\"name\": \"CI deploys\"}", event.getBody());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("10", response.getHeaders().get("x-ratelimit-limit"), "the authentication class");
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        JsonNode body = json(response);
        assertEquals("API key created", body.get("message").asText());
        JsonNode data = body.get("data");
        String apiKey = data.get("api_key").asText();
        String lookupId = apiKey.substring("cf_test_".length(), "cf_test_".length() + 16);
        assertEquals("key_" + lookupId, data.get("key_id").asText());
        assertEquals("CI deploys", data.get("name").asText());
        assertEquals("test", data.get("mode").asText());
        assertEquals("active", data.get("status").asText());
        assertTrue(data.get("last_used_at").isNull());
        assertTrue(apiKey.startsWith(data.get("prefix").asText().replace("…", "")), data.toString());

        StoredApiKey stored = stack.merchants().apiKeys().find(lookupId).orElseThrow();
        assertEquals(merchant.merchantId(), stored.merchantId());
        assertEquals(Mode.TEST, stored.mode());
        assertTrue(stored.secretHash().startsWith("sha256:"), "a SHA-256 hash: " + stored.secretHash());
        assertFalse(stored.toString().contains(apiKey.substring(24)), "the secret is not stored");

        APIGatewayV2HTTPResponse withNewKey = invoke(withApiKey(event("api-key-create/unknown-field.json"), apiKey));
        assertEquals(400, withNewKey.getStatusCode(), "the new key authenticates: " + withNewKey.getBody());
    }

    @Test
    void createWithoutABodyMakesAKeyWithoutAName() {
        NewMerchant merchant = stack.merchants().newMerchant("Unnamed Key Merchant");
        APIGatewayV2HTTPEvent event = withApiKey(event("api-key-create/create.json"), merchant.apiKey());
        event.setBody(null);
        event = withHeader(withHeader(event, "content-length", null), "content-type", null);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(json(response).get("data").get("name").isNull());
    }

    @Test
    void unknownFieldEventIsRefusedNamingTheFieldAndCreatesNoKey() {
        NewMerchant merchant = stack.merchants().newMerchant("Unknown Field Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("api-key-create/unknown-field.json"),
                merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("mode", error.get("param").asText());
        assertEquals(1, keysOf(merchant).size());
    }

    @Test
    void unknownFieldEventWithTheSampleKeyIsRefusedToo() {
        // The sample key's merchant is shared by every test class of the JVM: count, don't assume.
        int keysBefore = sampleMerchantKeyCount();

        APIGatewayV2HTTPResponse response = invoke(event("api-key-create/unknown-field.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(keysBefore, sampleMerchantKeyCount(), "no key created");
    }

    private static int sampleMerchantKeyCount() {
        return stack.merchants().apiKeys().list(stack.merchants().sampleMerchantId(), Mode.TEST, 10, null).keys().size();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNoSecondKeyAndTheSavedAnswerHoldsNoKey() {
        NewMerchant merchant = stack.merchants().newMerchant("Retrying Merchant");
        String idempotencyKey = "create-key-" + merchant.merchantId();

        APIGatewayV2HTTPResponse first = invoke(withHeader(withApiKey(event("api-key-create/create.json"),
                merchant.apiKey()), "idempotency-key", idempotencyKey));
        APIGatewayV2HTTPResponse replay = invoke(withHeader(withApiKey(event("api-key-create/create.json"),
                merchant.apiKey()), "idempotency-key", idempotencyKey));

        assertEquals(200, first.getStatusCode(), first.getBody());
        String apiKey = json(first).get("data").get("api_key").asText();
        String secret = apiKey.substring(apiKey.length() - 32);
        assertEquals(200, replay.getStatusCode(), replay.getBody());
        assertEquals("true", replay.getHeaders().get("idempotent-replayed"));
        JsonNode replayed = json(replay);
        assertEquals("This API key was created by an earlier request with the same Idempotency-Key; its secret "
                + "is shown only once.", replayed.get("message").asText());
        assertFalse(replayed.get("data").has("api_key"), replay.getBody());
        assertEquals(json(first).get("data").get("key_id"), replayed.get("data").get("key_id"));
        assertFalse(replay.getBody().contains(secret));
        assertEquals(2, keysOf(merchant).size(), "the first key and the one created");
        stack.localStack().dynamoDbClient().scanPaginator(scan -> scan.tableName(stack.table("IdempotencyTable")))
                .items().forEach(item -> assertFalse(item.toString().contains(secret),
                        "an idempotency record holds the key: " + item.keySet()));
    }

    @Test
    void createIsRefusedOnceTheMerchantHasTheMostActiveKeysAndNothingIsAdded() {
        NewMerchant merchant = stack.merchants().newMerchant("Many Keys Merchant");
        for (int i = 1; i < ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE; i++) {
            stack.merchants().issueKey(merchant.merchantId());
        }

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("api-key-create/create.json"), merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("api_key_limit_reached", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertNull(error.get("param"));
        assertEquals(ApiKeyManagement.MAX_ACTIVE_KEYS_PER_MODE, keysOf(merchant).stream()
                .filter(key -> key.status() == ApiKeyStatus.ACTIVE).count());
    }

    @Test
    void badNameIsRefusedNamingIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Bad Name Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withBody(event("api-key-create/create.json"),
                "{\"name\": \"" + "x".repeat(101) + "\"}", false), merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("name", json(response).get("error").get("param").asText());
        assertEquals(1, keysOf(merchant).size());
    }

    private static List<StoredApiKey> keysOf(NewMerchant merchant) {
        return stack.merchants().apiKeys().list(merchant.merchantId(), Mode.TEST, 100, null).keys();
    }

    /** Revokes the key in the table, as another container's DELETE /api/keys would. */
    private static void revokeElsewhere(IssuedApiKey key) {
        stack.merchants().apiKeys().revoke(key.stored(), Instant.now(), null);
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
