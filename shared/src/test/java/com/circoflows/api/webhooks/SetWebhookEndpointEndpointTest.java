package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetWebhookEndpointEndpointTest {
    private static final String URL = "https://hooks.acme.example/circoflows";

    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final SetWebhookEndpointEndpoint endpoint = endpoint("93.184.216.34");

    @Test
    void countsAgainstTheWebhookLimit() {
        assertEquals(RateLimitClass.WEBHOOKS, endpoint.rateLimitClass());
        assertEquals(1000, RateLimitClass.WEBHOOKS.requestsPerMinute());
    }

    @Test
    void firstCallShowsTheSecretOnceAndLaterCallsNever() {
        ApiResponse first = put("{\"url\": \"" + URL + "\"}");
        ApiResponse second = put("{\"url\": \"https://hooks.acme.example/v2\"}");

        assertEquals(200, first.statusCode());
        Map<String, Object> data = Responses.data(first);
        assertEquals(URL, data.get("url"));
        assertEquals("enabled", data.get("status"));
        assertTrue(((String) data.get("secret")).startsWith("whsec_"));
        assertTrue(((String) Responses.body(first).get("message")).contains("shown only once"));
        assertEquals(endpoints.stored(PaymentWorld.MERCHANT_A.merchantId()).secret().value(), data.get("secret"));

        assertEquals(200, second.statusCode());
        assertEquals(Map.of("url", "https://hooks.acme.example/v2", "status", "enabled"), Responses.data(second));
        assertFalse(second.body().contains("whsec_"), "the secret is never shown again");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                       | url",
        "{\"url\": null}                          | url",
        "{\"url\": \"\"}                          | url",
        "{\"url\": 42}                            | url",
        "{\"url\": \"" + URL + "\", \"secret\": \"whsec_x\"} | secret",
        "{\"webhook_url\": \"" + URL + "\"}       | webhook_url",
    })
    void invalidBodyIsA400NamingTheParameter(String body, String param) {
        ApiResponse response = put(body);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", Responses.error(response).get("code"));
        assertEquals(param, Responses.error(response).get("param"));
        assertTrue(endpoints.find(PaymentWorld.MERCHANT_A.merchantId()).isEmpty());
    }

    @Test
    void bodyThatIsNotAJsonObjectIsA400() {
        for (String body : new String[] {"", "not json", "[\"" + URL + "\"]", "\"" + URL + "\""}) {
            ApiResponse response = put(body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("invalid_request", Responses.error(response).get("code"));
        }
    }

    @Test
    void urlLongerThan2048CharactersIsRefused() {
        ApiResponse response = put("{\"url\": \"https://hooks.acme.example/" + "a".repeat(2030) + "\"}");

        assertEquals(400, response.statusCode());
        assertEquals("url", Responses.error(response).get("param"));
    }

    @Test
    void urlResolvingToAPrivateAddressIsInvalidWebhookUrl() {
        ApiResponse response = WebhookApiCalls.respond(() -> endpoint("10.0.0.5").handle(
                ApiRequests.post("/api/webhook-endpoint", "{\"url\": \"" + URL + "\"}").method("PUT").build(),
                PaymentWorld.MERCHANT_A));

        assertEquals(400, response.statusCode());
        Map<String, Object> error = Responses.error(response);
        assertEquals("invalid_webhook_url", error.get("code"));
        assertEquals("invalid_request_error", error.get("type"));
        assertEquals("url", error.get("param"));
        assertFalse(response.body().contains("10.0.0.5"), "the internal address is not echoed");
    }

    @Test
    void metadataAddressIsInvalidWebhookUrl() {
        ApiResponse response = put("{\"url\": \"https://169.254.169.254/latest/meta-data/\"}");

        assertEquals("invalid_webhook_url", Responses.error(response).get("code"));
    }

    private ApiResponse put(String body) {
        return WebhookApiCalls.respond(() -> endpoint.handle(
                ApiRequests.post("/api/webhook-endpoint", body).method("PUT").build(), PaymentWorld.MERCHANT_A));
    }

    private SetWebhookEndpointEndpoint endpoint(String resolvesTo) {
        return new SetWebhookEndpointEndpoint(new WebhookEndpointService(endpoints,
                new MerchantUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName(resolvesTo)}),
                TestClocks.fixed()));
    }
}
