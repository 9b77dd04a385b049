package com.circoflows.functions.apikeys.list;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.ManagedApiKeys.Revocation;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.StoredApiKey;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ListApiKeysHandler as Lambda runs it, fed events/api-keys-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListApiKeysHandlerIT {
    private static final String FUNCTION = "ListApiKeysFunction";

    private static HandlerStack stack;
    private static ListApiKeysHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ListApiKeysHandler.class, ListApiKeysHandler::new);
    }

    @Test
    void firstPageEventListsTheNewestTwoKeysAndTheCursorTheRestRevokedOnesIncluded() {
        NewMerchant merchant = stack.merchants().newMerchant("Listing Merchant");
        IssuedApiKey second = issueLater(merchant.merchantId());
        IssuedApiKey third = issueLater(merchant.merchantId());
        assertEquals(Revocation.REVOKED, stack.merchants().apiKeys().revoke(second.stored(), Instant.now(), null));
        stack.merchants().issueKey(stack.merchants().newMerchant("Someone Else").merchantId());

        APIGatewayV2HTTPResponse first = invoke(withApiKey(event("api-keys-list/first-page.json"), merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("10", first.getHeaders().get("x-ratelimit-limit"), "the authentication class");
        JsonNode page = json(first).get("data");
        assertEquals(List.of("key_" + third.stored().keyId(), "key_" + second.stored().keyId()), ids(page));
        assertTrue(page.get("has_more").asBoolean());
        JsonNode revoked = page.get("keys").get(1);
        assertEquals("revoked", revoked.get("status").asText());
        assertFalse(revoked.get("revoked_at").isNull());
        assertEquals(List.of("key_id", "prefix", "name", "mode", "status", "created_at", "last_used_at", "revoked_at"),
                fieldNames(revoked));

        APIGatewayV2HTTPResponse rest = invoke(withApiKey(withQuery(event("api-keys-list/first-page.json"),
                Map.of("limit", "2", "cursor", page.get("next_cursor").asText())), merchant.apiKey()));

        JsonNode last = json(rest).get("data");
        String callerKeyId = "key_" + merchant.apiKey().substring(8, 24);
        assertEquals(List.of(callerKeyId), ids(last));
        assertFalse(last.get("has_more").asBoolean());
        assertTrue(last.get("next_cursor").isNull());
        for (APIGatewayV2HTTPResponse response : List.of(first, rest)) {
            for (StoredApiKey key : stack.merchants().apiKeys().list(merchant.merchantId(),
                    Mode.TEST, 10, null).keys()) {
                assertFalse(response.getBody().contains(key.secretHash()), "never a hash");
            }
            assertFalse(response.getBody().contains(merchant.apiKey().substring(24)), "never a secret");
            assertFalse(response.getBody().contains("api_key"), "never a full key");
        }
    }

    @Test
    void theCallingKeysLastUseIsRecordedWhenItIsVerifiedAndShown() {
        NewMerchant merchant = stack.merchants().newMerchant("Last Used Merchant");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("api-keys-list/first-page.json"),
                merchant.apiKey()));

        JsonNode own = json(response).get("data").get("keys").get(0);
        Instant lastUsed = Instant.parse(own.get("last_used_at").asText());
        assertFalse(lastUsed.isBefore(before), "recorded by this request: " + lastUsed);
    }

    @Test
    void badCursorEventIsRefusedNamingTheCursor() {
        APIGatewayV2HTTPResponse response = invoke(event("api-keys-list/bad-cursor.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("cursor", error.get("param").asText());
    }

    @Test
    void anotherMerchantsCursorIsRefused() {
        NewMerchant merchant = stack.merchants().newMerchant("Cursor Owner");
        issueLater(merchant.merchantId());
        issueLater(merchant.merchantId());
        String cursor = json(invoke(withApiKey(event("api-keys-list/first-page.json"), merchant.apiKey())))
                .get("data").get("next_cursor").asText();

        APIGatewayV2HTTPResponse response = invoke(withQuery(event("api-keys-list/first-page.json"),
                Map.of("cursor", cursor)));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("cursor", json(response).get("error").get("param").asText());
    }

    /**
     * Keys are ordered by creation time to the millisecond: the next key is issued once the clock has
     * moved past the millisecond the previous one (issued just before this call) can have.
     */
    private static IssuedApiKey issueLater(String merchantId) {
        long previousKeyMillisecond = System.currentTimeMillis();
        while (System.currentTimeMillis() <= previousKeyMillisecond) {
            Thread.onSpinWait();
        }
        return stack.merchants().issueKey(merchantId);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("keys").forEach(key -> ids.add(key.get("key_id").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
