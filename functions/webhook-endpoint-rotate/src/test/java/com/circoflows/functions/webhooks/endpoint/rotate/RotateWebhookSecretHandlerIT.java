package com.circoflows.functions.webhooks.endpoint.rotate;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RotateWebhookSecretHandler as Lambda runs it, fed events/webhook-endpoint-rotate/*.json. */
@ExtendWith(HandlerStackExtension.class)
class RotateWebhookSecretHandlerIT {
    private static final String FUNCTION = "RotateWebhookSecretFunction";
    private static final String ENDPOINT = "http://127.0.0.1:9/hooks";

    private static HandlerStack stack;
    private static RotateWebhookSecretHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, RotateWebhookSecretHandler.class, RotateWebhookSecretHandler::new);
    }

    @Test
    void keyRevokedElsewhereCannotRotateTheSecretOnItsVeryNextCallThoughThisContainerCachedIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Leaked Key Merchant");
        String secret = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();
        IssuedApiKey leaked = stack.merchants().issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(event("webhook-endpoint-rotate/unknown-field.json"),
                leaked.fullKey()));
        assertEquals(400, warm.getStatusCode(), "verified, and cached here: " + warm.getBody());
        stack.merchants().apiKeys().revoke(leaked.stored(), Instant.now(), null);

        APIGatewayV2HTTPResponse refused = invoke(withApiKey(event("webhook-endpoint-rotate/rotate.json"),
                leaked.fullKey()));

        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals("authentication_failed", json(refused).get("error").get("code").asText());
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(secret, stored.secret().value(), "the secret was not rotated");
        assertNull(stored.previousSecretAt(Instant.now()));
    }

    @Test
    void rotateEventShowsANewSecretAndTheOldOneKeepsSigningForADay() {
        NewMerchant merchant = stack.merchants().newMerchant("Rotating Merchant");
        String old = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-rotate/rotate.json");
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertNull(event.getBody(), "rotation takes no body");

        Instant before = Instant.now();
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Signing secret rotated. Store the new secret now: it is shown only once.",
                body.get("message").asText());
        String secret = body.get("data").get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertNotEquals(old, secret);
        assertFalse(response.getBody().contains(old), "the old secret is not shown again");
        Instant expires = Instant.parse(body.get("data").get("previous_secret_expires_at").asText());
        Duration overlap = Duration.between(before, expires);
        assertTrue(overlap.compareTo(Duration.ofHours(24).minusSeconds(5)) > 0
                && overlap.compareTo(Duration.ofHours(24).plusSeconds(60)) < 0, "about 24 h: " + overlap);

        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(secret, stored.secret().value(), "deliveries now sign with the new secret");
        assertEquals(old, stored.previousSecretAt(Instant.now()).value(), "and with the old one alongside");
        assertNull(stored.previousSecretAt(expires.plusSeconds(1)), "until it expires");
        assertEquals(ENDPOINT, stored.url(), "the URL is untouched");
    }

    @Test
    void everyRotationShowsAFreshSecretAndRetiresTheOneBefore() {
        NewMerchant merchant = stack.merchants().newMerchant("Twice Rotating Merchant");
        String first = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();

        String second = secretOf(invoke(withApiKey(event("webhook-endpoint-rotate/rotate.json"), merchant.apiKey())));
        String third = secretOf(invoke(withApiKey(event("webhook-endpoint-rotate/rotate.json"), merchant.apiKey())));

        assertNotEquals(first, second);
        assertNotEquals(second, third);
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(third, stored.secret().value());
        assertEquals(second, stored.previousSecretAt(Instant.now()).value(), "only the latest previous secret signs");
    }

    @Test
    void rotateWithAnEmptyJsonBodyIsTheSame() {
        NewMerchant merchant = stack.merchants().newMerchant("Empty Body Merchant");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withBody(event("webhook-endpoint-rotate/rotate.json"), "{}", false), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(secretOf(response), stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow()
                .secret().value());
    }

    /** A merchant created before signing secrets came with every merchant, that never set an endpoint. */
    @Test
    void rotateBeforeAnyEndpointCreatesTheFirstSecretWithNothingToRetire() {
        NewMerchant merchant = stack.merchants().newMerchantWithoutSigningSecret("No Endpoint Yet Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("webhook-endpoint-rotate/rotate.json"),
                merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertFalse(data.has("previous_secret_expires_at"), response.getBody());
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(data.get("secret").asText(), stored.secret().value());
        assertNull(stored.previousSecret());
        assertNull(stored.url());
    }

    @Test
    void unknownFieldEventIsRefusedAndTheSecretStaysAsItWas() {
        NewMerchant merchant = stack.merchants().newMerchant("Own Secret Merchant");
        String current = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-rotate/unknown-field.json");
        assertTrue(event.getBody().contains("\"secret\""), event.getBody());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("secret", error.get("param").asText());
        assertFalse(response.getBody().contains("whsec_"), "neither the offered nor the stored secret is echoed");
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(current, stored.secret().value());
        assertNull(stored.previousSecret());
    }

    @Test
    void unknownFieldEventWithTheSampleKeyIsRefusedToo() {
        WebhookEndpoint before = stack.webhooks().webhookEndpoint(stack.merchants().sampleMerchantId()).orElseThrow();

        APIGatewayV2HTTPResponse response = invoke(event("webhook-endpoint-rotate/unknown-field.json"));

        assertEquals(400, response.getStatusCode(), response.getBody());
        WebhookEndpoint after = stack.webhooks().webhookEndpoint(stack.merchants().sampleMerchantId()).orElseThrow();
        assertEquals(before.secret(), after.secret(), "the secret the merchant got at creation is unchanged");
        assertNull(after.previousSecret());
    }

    /** A merchant that never set an endpoint rotates the secret it got at creation: that one keeps signing a day. */
    @Test
    void rotateWithoutAnEndpointRetiresTheSecretTheMerchantGotAtCreation() {
        NewMerchant merchant = stack.merchants().newMerchant("Own Webhook URLs Merchant");
        String createdWith = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow().secret().value();

        String rotated = secretOf(invoke(withApiKey(event("webhook-endpoint-rotate/rotate.json"), merchant.apiKey())));

        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(rotated, stored.secret().value());
        assertEquals(createdWith, stored.previousSecretAt(Instant.now()).value());
        assertNull(stored.url());
    }

    private static String secretOf(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response).get("data").get("secret").asText();
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
