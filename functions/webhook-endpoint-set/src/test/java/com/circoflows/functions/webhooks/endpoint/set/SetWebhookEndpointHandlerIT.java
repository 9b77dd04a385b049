package com.circoflows.functions.webhooks.endpoint.set;

import static com.circoflows.testsupport.HandlerTestEnvironment.event;
import static com.circoflows.testsupport.HandlerTestEnvironment.json;
import static com.circoflows.testsupport.HandlerTestEnvironment.withApiKey;
import static com.circoflows.testsupport.HandlerTestEnvironment.withBody;
import static com.circoflows.testsupport.HandlerTestEnvironment.withJsonField;
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
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SetWebhookEndpointHandler as Lambda runs it, fed events/webhook-endpoint-set/*.json. The sample's
 * https://merchant.example.com/webhooks would be resolved in DNS by the handler; these tests keep off
 * the network by putting a loopback URL in its place, which the template environment plus local mode
 * (as the local runner sets it) accepts.
 */
class SetWebhookEndpointHandlerIT {
    private static final String FUNCTION = "SetWebhookEndpointFunction";
    private static final String SAMPLE_URL = "https://merchant.example.com/webhooks";
    private static final String LOCAL_URL = "http://localhost:9/hook";

    private static HandlerTestEnvironment environment;
    private static SetWebhookEndpointHandler handler;

    @BeforeAll
    static void startStackAndConstructHandler() {
        environment = HandlerTestEnvironment.start();
        handler = environment.construct(FUNCTION, SetWebhookEndpointHandler.class, SetWebhookEndpointHandler::new);
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    /** The merchant got its signing secret at creation (bin/admin showed it): setting the URL shows none. */
    @Test
    void setUrlEventSavesTheEndpointWhoseWebhooksAreSignedWithTheSecretTheMerchantGotAtCreation() {
        NewMerchant merchant = environment.newMerchant("First Endpoint Merchant");
        String createdWith = environment.webhookEndpoint(merchant.merchantId()).orElseThrow().secret().value();
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

        WebhookEndpoint stored = environment.webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals(LOCAL_URL, stored.url());
        assertEquals(createdWith, stored.secret().value(), "deliveries are signed with the secret from creation");
        assertFalse(stored.disabled());
    }

    /** A merchant created before signing secrets came with every merchant gets its secret from its first call. */
    @Test
    void setUrlEventShowsTheSigningSecretOnTheFirstCallOnlyToAMerchantWithoutOne() {
        NewMerchant merchant = environment.newMerchantWithoutSigningSecret("First Endpoint Legacy Merchant");
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

        WebhookEndpoint stored = environment.webhookEndpoint(merchant.merchantId()).orElseThrow();
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
        WebhookEndpoint moved = environment.webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertEquals("http://127.0.0.1:9/other", moved.url());
        assertEquals(secret, moved.secret().value(), "changing the URL keeps the secret");
    }

    @Test
    void setUrlEventWithTheSampleKeySavesTheEndpointOfTheEventsMerchant() {
        APIGatewayV2HTTPResponse response = invoke(withJsonField(event("webhook-endpoint-set/set-url.json"), "url",
                LOCAL_URL));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(LOCAL_URL, environment.webhookEndpoint(environment.merchantId()).orElseThrow().url());
    }

    @Test
    void settingTheUrlAgainReEnablesAnEndpointThatAnswered410() {
        NewMerchant merchant = environment.newMerchant("Gone Endpoint Merchant");
        String secret = environment.setWebhookEndpoint(merchant.merchantId(), LOCAL_URL).value();
        environment.webhookEndpoints().disable(merchant.merchantId(), "410 Gone from " + LOCAL_URL);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withJsonField(event("webhook-endpoint-set/set-url.json"), "url", LOCAL_URL), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("enabled", json(response).get("data").get("status").asText());
        WebhookEndpoint stored = environment.webhookEndpoint(merchant.merchantId()).orElseThrow();
        assertFalse(stored.disabled());
        assertEquals(secret, stored.secret().value());
    }

    @Test
    void privateAddressEventIsRefusedAndNothingIsSaved() {
        NewMerchant merchant = environment.newMerchant("Private Address Merchant");
        APIGatewayV2HTTPEvent event = event("webhook-endpoint-set/private-address.json");
        assertEquals("http://10.0.0.1/x", bodyJson(event.getBody()).get("url").asText());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event, merchant.apiKey()));

        assertInvalidWebhookUrl(response);
        assertNull(environment.webhookEndpoint(merchant.merchantId()).orElseThrow().url(), "no endpoint saved");
    }

    @Test
    void privateAddressEventLeavesAnEndpointAlreadySavedAsItWas() {
        NewMerchant merchant = environment.newMerchant("Kept Endpoint Merchant");
        String secret = environment.setWebhookEndpoint(merchant.merchantId(), LOCAL_URL).value();

        assertInvalidWebhookUrl(invoke(withApiKey(event("webhook-endpoint-set/private-address.json"),
                merchant.apiKey())));

        WebhookEndpoint stored = environment.webhookEndpoint(merchant.merchantId()).orElseThrow();
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
        Map<String, String> deployed = new HashMap<>(environment.environment(FUNCTION));
        deployed.remove(Settings.LOCAL_MODE);
        SetWebhookEndpointHandler production = environment.construct(FUNCTION, SetWebhookEndpointHandler.class,
                deployed, SetWebhookEndpointHandler::new);

        for (String url : new String[] {LOCAL_URL, "https://localhost/hook", "https://127.0.0.1/hook"}) {
            APIGatewayV2HTTPResponse response = HandlerTestEnvironment.invoke(production, FUNCTION,
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
        NewMerchant merchant = environment.newMerchant("Leaked Key Merchant");
        IssuedApiKey leaked = environment.issueKey(merchant.merchantId());
        APIGatewayV2HTTPResponse warm = invoke(withApiKey(withBody(event("webhook-endpoint-set/set-url.json"), "{}",
                false), leaked.fullKey()));
        assertEquals(400, warm.getStatusCode(), "verified, and cached here: " + warm.getBody());
        environment.apiKeys().revoke(leaked.stored(), Instant.now(), null);

        APIGatewayV2HTTPResponse refused = invoke(withApiKey(withJsonField(event("webhook-endpoint-set/set-url.json"),
                "url", "http://localhost:9/attacker"), leaked.fullKey()));

        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals("authentication_failed", json(refused).get("error").get("code").asText());
        assertTrue(environment.webhookEndpoint(merchant.merchantId()).map(WebhookEndpoint::url).isEmpty(),
                "no endpoint URL was set");
    }

    @Test
    void badKeyIsRefusedBeforeAnythingIsSaved() {
        String wrongSecret = HandlerTestEnvironment.SAMPLE_KEY.substring(0, HandlerTestEnvironment.SAMPLE_KEY.length() - 1)
                + "1";
        APIGatewayV2HTTPEvent event = withApiKey(
                withJsonField(event("webhook-endpoint-set/set-url.json"), "url", "http://localhost:9/bad-key"),
                wrongSecret);

        APIGatewayV2HTTPResponse response = invoke(event);

        assertEquals(401, response.getStatusCode(), response.getBody());
        assertEquals("authentication_failed", json(response).get("error").get("code").asText());
        assertNotEquals("http://localhost:9/bad-key",
                environment.webhookEndpoint(environment.merchantId()).map(WebhookEndpoint::url).orElse(null));
    }

    @Test
    void missingTemplateVariableFailsTheColdStart() {
        Map<String, String> incomplete = new HashMap<>(environment.environment(FUNCTION));
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
            return HandlerTestEnvironment.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return HandlerTestEnvironment.invoke(handler, FUNCTION, event);
    }
}
