package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotateWebhookSecretEndpointTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();

    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final RotateWebhookSecretEndpoint endpoint = new RotateWebhookSecretEndpoint(new WebhookEndpointService(
            endpoints, new MerchantUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}),
            TestClocks.fixed()));

    @Test
    void countsAgainstTheWebhookLimit() {
        assertEquals(RateLimitClass.WEBHOOKS, endpoint.rateLimitClass());
    }

    @Test
    void showsTheNewSecretAndWhenThePreviousOneStopsSigning() {
        WebhookSecret old = WebhookSecret.generate();
        endpoints.put(new WebhookEndpoint(MERCHANT, "https://hooks.acme.example/in", old, null, null, false, null));

        ApiResponse response = rotate(null);

        assertEquals(200, response.statusCode());
        Map<String, Object> data = Responses.data(response);
        assertEquals(endpoints.stored(MERCHANT).secret().value(), data.get("secret"));
        assertNotEquals(old.value(), data.get("secret"));
        assertEquals("2026-11-24T12:00:00Z", data.get("previous_secret_expires_at"));
        assertFalse(response.body().contains(old.value()), "the previous secret is not shown again");
        assertTrue(((String) Responses.body(response).get("message")).contains("shown only once"));
    }

    @Test
    void emptyJsonBodyIsFineAndUnknownFieldsAreRefused() {
        endpoints.put(new WebhookEndpoint(MERCHANT, "https://hooks.acme.example/in", WebhookSecret.generate(), null,
                null, false, null));

        assertEquals(200, rotate("{}").statusCode());
        ApiResponse refused = rotate("{\"grace_hours\": 48}");

        assertEquals(400, refused.statusCode());
        assertEquals("grace_hours", Responses.error(refused).get("param"));
    }

    @Test
    void firstSecretFromRotationHasNoPreviousExpiry() {
        ApiResponse response = rotate(null);

        assertEquals(200, response.statusCode());
        assertTrue(((String) Responses.data(response).get("secret")).startsWith("whsec_"));
        assertFalse(Responses.data(response).containsKey("previous_secret_expires_at"));
    }

    private ApiResponse rotate(String body) {
        return WebhookApiCalls.respond(() -> endpoint.handle(
                ApiRequests.post("/api/webhook-endpoint/rotate-secret", body).build(), PaymentWorld.MERCHANT_A));
    }
}
