package com.circoflows.functions.webhooks.endpoint.set;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withBody;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.config.Settings;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SetWebhookEndpointHandler as Lambda runs it, fed events/webhook-endpoint-set/*.json. The sample's
 * https://merchant.example.com/webhooks would be resolved in DNS by the handler; these tests keep off
 * the network by putting a loopback URL in its place, which the template environment plus local mode
 * (as the local runner sets it) accepts.
 */
@ExtendWith(HandlerStackExtension.class)
class SetWebhookEndpointHandlerIT {
    private static final String FUNCTION = "SetWebhookEndpointFunction";
    private static final String SAMPLE_URL = "https://merchant.example.com/webhooks";
    private static final String LOCAL_URL = "http://localhost:9/hook";

    private static HandlerStack stack;
    private static SetWebhookEndpointHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, SetWebhookEndpointHandler.class, SetWebhookEndpointHandler::new);
    }

    /** The merchant got its signing secret at creation (bin/admin showed it): setting the URL shows none. */
    @Test
    void setUrlEventSavesTheEndpointWhoseWebhooksAreSignedWithTheSecretTheMerchantGotAtCreation() {
        NewMerchant merchant = stack.merchants().newMerchant("First Endpoint Merchant");
        String createdWith = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow().secret().value();
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-set/set-url.json");
        assertEquals("PUT", event.getRequestContext().getHttp().getMethod());
        assertEquals(SAMPLE_URL, bodyJson(event.getBody()).get("url").asText());

        APIGatewayV2HTTPResponse first = invoke(withApiKey(withJsonField(event, "url", LOCAL_URL), merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals("application/json", first.getHeaders().get("content-type"));
        assertEquals("1000", first.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(first);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Webhook endpoint saved", body.get("message").asText());
        assertEquals(LOCAL_URL, body.get("data").get("url").asText());
        assertEquals("enabled", body.get("data").get("status").asText());
        assertFalse(body.get("data").has("secret"), first.getBody());
        assertFalse(first.getBody().contains("whsec_"));

        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(LOCAL_URL, stored.url());
        assertEquals(createdWith, stored.secret().value(), "deliveries are signed with the secret from creation");
        assertFalse(stored.disabled());
    }

    /** A merchant created before signing secrets came with every merchant gets its secret from its first call. */
    @Test
    void setUrlEventShowsTheSigningSecretOnTheFirstCallOnlyToAMerchantWithoutOne() {
        NewMerchant merchant = stack.merchants().newMerchantWithoutSigningSecret("First Endpoint Legacy Merchant");
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-set/set-url.json");

        APIGatewayV2HTTPResponse first = invoke(withApiKey(withJsonField(event, "url", LOCAL_URL), merchant.apiKey()));

        assertEquals(200, first.getStatusCode(), first.getBody());
        JsonNode body = json(first);
        assertEquals("Webhook endpoint saved. Store the signing secret now: it is shown only once.",
                body.get("message").asText());
        JsonNode data = body.get("data");
        assertEquals(LOCAL_URL, data.get("url").asText());
        assertEquals("enabled", data.get("status").asText());
        String secret = data.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(Base64.getDecoder().decode(secret.substring("whsec_".length())).length >= 24, "a strong key");

        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(secret, stored.secret().value(), "deliveries are signed with the secret the merchant was shown");

        APIGatewayV2HTTPResponse second = invoke(withApiKey(
                withJsonField(event("webhook-endpoint-set/set-url.json"), "url", "http://127.0.0.1:9/other"),
                merchant.apiKey()));

        assertEquals(200, second.getStatusCode(), second.getBody());
        JsonNode again = json(second);
        assertEquals("Webhook endpoint saved", again.get("message").asText());
        assertEquals("http://127.0.0.1:9/other", again.get("data").get("url").asText());
        assertFalse(again.get("data").has("secret"), "the secret is never shown twice");
        assertFalse(second.getBody().contains(secret));
        WebhookEndpoint moved = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals("http://127.0.0.1:9/other", moved.url());
        assertEquals(secret, moved.secret().value(), "changing the URL keeps the secret");
    }

    @Test
    void setUrlEventWithTheSampleKeySavesTheEndpointOfTheEventsMerchant() {
        APIGatewayV2HTTPResponse response = invoke(withJsonField(event("webhook-endpoint-set/set-url.json"), "url",
                LOCAL_URL));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(LOCAL_URL, stack.webhooks().webhookEndpoint(stack.merchants().sampleMerchantId()).orElseThrow().url());
    }

    @Test
    void settingTheUrlAgainReEnablesAnEndpointThatAnswered410() {
        NewMerchant merchant = stack.merchants().newMerchant("Gone Endpoint Merchant");
        String secret = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), LOCAL_URL).value();
        stack.webhooks().webhookEndpoints().disable(merchant.merchantId(), "410 Gone from " + LOCAL_URL);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withJsonField(event("webhook-endpoint-set/set-url.json"), "url", LOCAL_URL), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("enabled", json(response).get("data").get("status").asText());
        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertFalse(stored.disabled());
        assertEquals(secret, stored.secret().value());
    }

    @Test
    void privateAddressEventIsRefusedAndNothingIsSaved() {
        NewMerchant merchant = stack.merchants().newMerchant("Private Address Merchant");
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-set/private-address.json");
        assertEquals("http://10.0.0.1/x", bodyJson(event.getBody()).get("url").asText());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertInvalidWebhookUrl(response);
        assertNull(stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow().url(), "no endpoint saved");
    }

    @Test
    void privateAddressEventLeavesAnEndpointAlreadySavedAsItWas() {
        NewMerchant merchant = stack.merchants().newMerchant("Kept Endpoint Merchant");
        String secret = stack.webhooks().setWebhookEndpoint(merchant.merchantId(), LOCAL_URL).value();

        assertInvalidWebhookUrl(invoke(withApiKey(event("webhook-endpoint-set/private-address.json"),
                merchant.apiKey())));

        WebhookEndpoint stored = stack.webhooks().webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(LOCAL_URL, stored.url());
        assertEquals(secret, stored.secret().value());
    }

    @Test
    void internalTargetsAreRefusedEvenOverHttps() {
        for (String url : new String[] {"https://10.0.0.1/x", "https://169.254.169.254/latest/meta-data/",
                "https://192.168.1.20/hooks", "https://[fd00:ec2::254]/", "https://0x0a000001/x"}) {
            APIGatewayV2HTTPResponse response = invoke(withJsonField(event("webhook-endpoint-set/set-url.json"), "url",
                    url));

            assertInvalidWebhookUrl(response);
        }
    }

    @Test
    void outsideLocalModeOnlyPublicHttpsUrlsAreAccepted() {
        Map<String, String> deployed = new HashMap<>(stack.functions().environment(FUNCTION));
        deployed.remove(Settings.LOCAL_MODE);
        SetWebhookEndpointHandler production = stack.functions().construct(FUNCTION, SetWebhookEndpointHandler.class,
                deployed, SetWebhookEndpointHandler::new);

        for (String url : new String[] {LOCAL_URL, "https://localhost/hook", "https://127.0.0.1/hook"}) {
            APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(production, FUNCTION,
                    withJsonField(event("webhook-endpoint-set/set-url.json"), "url", url));

            assertInvalidWebhookUrl(response);
        }
    }

    @Test
    void missingOrUnknownFieldsNameTheParameter() {
        APIGatewayV2HTTPResponse missing = invoke(withBody(event("webhook-endpoint-set/set-url.json"), "{}", false));
        APIGatewayV2HTTPResponse unknown = invoke(withJsonField(withJsonField(event("webhook-endpoint-set/set-url.json"),
                "url", LOCAL_URL), "events", "payment.succeeded"));
        APIGatewayV2HTTPResponse notJson = invoke(withBody(event("webhook-endpoint-set/set-url.json"),
                "{\"url\": ", false));

        assertEquals(400, missing.getStatusCode(), missing.getBody());
        assertEquals("invalid_request", json(missing).get("error").get("code").asText());
        assertEquals("url", json(missing).get("error").get("param").asText());
        assertEquals(400, unknown.getStatusCode(), unknown.getBody());
        assertEquals("events", json(unknown).get("error").get("param").asText());
        assertEquals(400, notJson.getStatusCode(), notJson.getBody());
        assertEquals("invalid_request", json(notJson).get("error").get("code").asText());
    }

    @Test
    void keyRevokedElsewhereCannotSetTheEndpointOnItsVeryNextCallThoughThisContainerCachedIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Leaked Key Merchant");
        IssuedApiKey leaked = stack.merchants().issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(withBody(event("webhook-endpoint-set/set-url.json"), "{}",
                false), leaked.fullKey()));
        assertEquals(400, warm.getStatusCode(), "verified, and cached here: " + warm.getBody());
        stack.merchants().apiKeys().revoke(leaked.stored(), Instant.now(), null);

        APIGatewayV2HTTPResponse refused = invoke(withApiKey(withJsonField(event("webhook-endpoint-set/set-url.json"),
                "url", "http://localhost:9/attacker"), leaked.fullKey()));

        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals("authentication_failed", json(refused).get("error").get("code").asText());
        assertTrue(stack.webhooks().webhookEndpoint(merchant.merchantId()).map(WebhookEndpoint::url).isEmpty(),
                "no endpoint URL was set");
    }

    @Test
    void badKeyIsRefusedBeforeAnythingIsSaved() {
        String wrongSecret = SampleEvents.SAMPLE_KEY.substring(0, SampleEvents.SAMPLE_KEY.length() - 1)
                + "1";
        APIGatewayV2HTTPEvent event = withApiKey(
                withJsonField(event("webhook-endpoint-set/set-url.json"), "url", "http://localhost:9/bad-key"),
                wrongSecret);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(401, response.getStatusCode(), response.getBody());
        assertEquals("authentication_failed", json(response).get("error").get("code").asText());
        assertNotEquals("http://localhost:9/bad-key",
                stack.webhooks().webhookEndpoint(stack.merchants().sampleMerchantId()).map(WebhookEndpoint::url).orElse(null));
    }

    @Test
    void missingTemplateVariableFailsTheColdStart() {
        Map<String, String> incomplete = new HashMap<>(stack.functions().environment(FUNCTION));
        incomplete.remove("MERCHANTS_TABLE");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Settings.withEnvironment(incomplete, SetWebhookEndpointHandler::new));

        assertTrue(failure.getMessage().contains("MERCHANTS_TABLE"), failure.getMessage());
    }

    private static void assertInvalidWebhookUrl(APIGatewayV2HTTPResponse response) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_webhook_url", error.get("code").asText(), response.getBody());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("url", error.get("param").asText());
        assertFalse(json(response).has("data"));
    }

    private static JsonNode bodyJson(String text) {
        try {
            return SampleEvents.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
