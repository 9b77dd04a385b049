package com.circoflows.functions.apikeys.revoke;

import static com.circoflows.testsupport.SampleEvents.SAMPLE_API_KEY_ID;
import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withKeyId;
import static com.circoflows.testsupport.SampleEvents.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.ApiKeyStatus;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RevokeApiKeyHandler as Lambda runs it (one warm container, 60 s key cache), fed events/api-key-revoke/*.json. */
@ExtendWith(HandlerStackExtension.class)
class RevokeApiKeyHandlerIT {
    private static final String FUNCTION = "RevokeApiKeyFunction";

    private static HandlerStack stack;
    private static RevokeApiKeyHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, RevokeApiKeyHandler.class, RevokeApiKeyHandler::new);
    }

    @Test
    void revokeEventRevokesTheKeyWhichThisContainerRefusesAtOnceThoughItWasCached() {
        NewMerchant merchant = stack.merchants().newMerchant("Rotating Keys Merchant");
        IssuedApiKey old = stack.merchants().issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(event("api-key-revoke/not-found.json"), old.fullKey()));
        assertEquals(404, warm.getStatusCode(), "the old key works and is now cached here: " + warm.getBody());
        APIGatewayV2HTTPEvent event = event("api-key-revoke/revoke.json");
        assertEquals(SAMPLE_API_KEY_ID, event.getPathParameters().get("key_id"));

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withKeyId(event, keyId(old)), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("10", response.getHeaders().get("x-ratelimit-limit"), "the authentication class");
        JsonNode body = json(response);
        assertEquals("API key revoked", body.get("message").asText());
        assertEquals(keyId(old), body.get("data").get("key_id").asText());
        assertEquals("revoked", body.get("data").get("status").asText());
        assertFalse(body.get("data").get("revoked_at").isNull());
        assertEquals(ApiKeyStatus.REVOKED, stack.merchants().apiKeys().find(old.stored().keyId()).orElseThrow().status());
        APIGatewayV2HTTPResponse refused = invoke(withApiKey(event("api-key-revoke/not-found.json"), old.fullKey()));
        assertEquals(401, refused.getStatusCode(), refused.getBody());

        APIGatewayV2HTTPResponse again = invoke(withApiKey(withKeyId(event("api-key-revoke/revoke.json"), keyId(old)),
                merchant.apiKey()));
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(body.get("data"), json(again).get("data"), "revoking again answers the same revocation");
    }

    @Test
    void keyRevokedElsewhereCannotRevokeAnotherKeyOnItsVeryNextCallThoughThisContainerCachedIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Leaked Key Merchant");
        IssuedApiKey leaked = stack.merchants().issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(event("api-key-revoke/not-found.json"), leaked.fullKey()));
        assertEquals(404, warm.getStatusCode(), "verified, and cached here: " + warm.getBody());
        stack.merchants().apiKeys().revoke(leaked.stored(), Instant.now(), null);
        String ownersKeyId = "key_" + merchant.apiKey().substring(8, 24);

        APIGatewayV2HTTPResponse refused = invoke(withApiKey(withQuery(withKeyId(event("api-key-revoke/revoke.json"),
                ownersKeyId), Map.of("confirm_last_key", "true")), leaked.fullKey()));

        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals("authentication_failed", json(refused).get("error").get("code").asText());
        assertEquals(ApiKeyStatus.ACTIVE,
                stack.merchants().apiKeys().find(merchant.apiKey().substring(8, 24)).orElseThrow().status(),
                "the owner's key stays active");
    }

    @Test
    void lastKeyEventIsRefusedWith409AndTheSampleKeyStaysActive() {
        APIGatewayV2HTTPEvent event = event("api-key-revoke/last-key.json");
        assertEquals("key_SAMPLEkeyForEven", event.getPathParameters().get("key_id"), "the sample key's own id");

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(409, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("last_active_key", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertTrue(error.get("message").asText().contains("confirm_last_key=true"), error.toString());
        assertEquals(ApiKeyStatus.ACTIVE, stack.merchants().apiKeys().find("SAMPLEkeyForEven").orElseThrow().status());
        assertEquals(404, invoke(event("api-key-revoke/not-found.json")).getStatusCode(), "the sample key still works");
    }

    @Test
    void confirmedRevocationOfTheLastKeyRevokesItAndTheKeyRevokedItself() {
        NewMerchant merchant = stack.merchants().newMerchant("Leaving Merchant");
        String ownId = "key_" + merchant.apiKey().substring(8, 24);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withQuery(withKeyId(event("api-key-revoke/last-key.json"),
                ownId), Map.of("confirm_last_key", "true")), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("revoked", json(response).get("data").get("status").asText());
        assertEquals(401, invoke(withApiKey(event("api-key-revoke/not-found.json"), merchant.apiKey())).getStatusCode());
    }

    @Test
    void callerMayRevokeItsOwnKeyWhileAnotherIsActive() {
        NewMerchant merchant = stack.merchants().newMerchant("Self Revoking Merchant");
        IssuedApiKey next = stack.merchants().issueKey(merchant.merchantId());
        String ownId = "key_" + merchant.apiKey().substring(8, 24);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withKeyId(event("api-key-revoke/revoke.json"), ownId),
                merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(404, invoke(withApiKey(event("api-key-revoke/not-found.json"), next.fullKey())).getStatusCode(),
                "the other key carries on");
    }

    @Test
    void notFoundEventAndAnotherMerchantsKeyAnswerTheSame404AndNothingChanges() {
        NewMerchant other = stack.merchants().newMerchant("Other Merchant");
        IssuedApiKey othersKey = stack.merchants().issueKey(other.merchantId());

        APIGatewayV2HTTPResponse unknown = invoke(event("api-key-revoke/not-found.json"));
        APIGatewayV2HTTPResponse othersConfirmed = invoke(withQuery(withKeyId(event("api-key-revoke/revoke.json"),
                keyId(othersKey)), Map.of("confirm_last_key", "true")));
        APIGatewayV2HTTPResponse malformed = invoke(withKeyId(event("api-key-revoke/revoke.json"), "key_nope"));

        assertEquals(404, unknown.getStatusCode(), unknown.getBody());
        JsonNode error = json(unknown).get("error");
        assertEquals("api_key_not_found", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals(unknown.getBody(), othersConfirmed.getBody());
        assertEquals(unknown.getBody(), malformed.getBody());
        assertEquals(ApiKeyStatus.ACTIVE, stack.merchants().apiKeys().find(othersKey.stored().keyId()).orElseThrow().status());
    }

    private static String keyId(IssuedApiKey key) {
        return "key_" + key.stored().keyId();
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
