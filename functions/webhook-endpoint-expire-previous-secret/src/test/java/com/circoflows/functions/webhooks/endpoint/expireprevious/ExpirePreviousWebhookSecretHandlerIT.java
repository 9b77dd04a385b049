package com.circoflows.functions.webhooks.endpoint.expireprevious;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ExpirePreviousWebhookSecretHandler as Lambda runs it, fed events/webhook-endpoint-expire-previous-secret/. */
@ExtendWith(HandlerStackExtension.class)
class ExpirePreviousWebhookSecretHandlerIT {
    private static final String FUNCTION = "ExpirePreviousWebhookSecretFunction";
    private static final String SAMPLE = "webhook-endpoint-expire-previous-secret/expire.json";
    private static final String ENDPOINT = "http://127.0.0.1:9/hooks";

    private static HandlerStack stack;
    private static ExpirePreviousWebhookSecretHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ExpirePreviousWebhookSecretHandler.class,
                ExpirePreviousWebhookSecretHandler::new);
    }

    @Test
    void midRotationThePreviousSecretStopsSigningAtOnceAndTheNewOneStays() {
        NewMerchant merchant = stack.merchants().newMerchant("Deployed Its New Secret");
        String old = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();
        WebhookSecret current = WebhookSecret.generate();
        stack.webhooks().webhookEndpoints().rotateSecret(merchant.merchantId(), current,
                Instant.now().plus(WebhookEndpointService.PREVIOUS_SECRET_OVERLAP));
        APIGatewayV2HTTPEvent event = event(SAMPLE);
        assertNull(event.getBody(), "it takes no body");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertEquals("Previous signing secret expired: only the current secret signs webhooks from now on.",
                body.get("message").asText());
        assertTrue(body.get("data").get("previous_secret_expired").asBoolean(), response.getBody());
        assertFalse(response.getBody().contains("whsec_"), "no secret is shown");
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertNull(stored.previousSecretAt(Instant.now()), "the previous secret signs no more");
        assertNull(stored.previousSecret(), "and is not kept");
        assertEquals(current, stored.secret(), "the current secret is untouched");
        assertEquals(ENDPOINT, stored.url());
        assertFalse(stored.secret().value().equals(old));
    }

    @Test
    void repeatingItOrCallingItWithoutARotationAnswers200AndChangesNothing() {
        NewMerchant merchant = stack.merchants().newMerchant("Nothing To Expire");
        String secret = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withBody(event(SAMPLE), "{}", false), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(json(response).get("data").get("previous_secret_expired").asBoolean(), response.getBody());
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(secret, stored.secret().value());
        assertNotNull(stored.url());
    }

    @Test
    void anUnknownFieldIsRefusedAndThePreviousSecretKeepsSigning() {
        NewMerchant merchant = stack.merchants().newMerchant("Typo Merchant");
        String old = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), ENDPOINT).value();
        stack.webhooks().webhookEndpoints().rotateSecret(merchant.merchantId(), WebhookSecret.generate(),
                Instant.now().plus(WebhookEndpointService.PREVIOUS_SECRET_OVERLAP));

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withBody(event(SAMPLE), "{\"now\": true}", false), merchant.apiKey()));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("now", json(response).get("error").get("param").asText());
        assertEquals(old, stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow()
                .previousSecretAt(Instant.now()).value());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
