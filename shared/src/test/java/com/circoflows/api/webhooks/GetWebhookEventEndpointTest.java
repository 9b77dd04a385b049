package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventQueries;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.Responses;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GetWebhookEventEndpointTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final String OWN_URL = "https://shop.acme.example/orders/hook";

    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final GetWebhookEventEndpoint endpoint = new GetWebhookEventEndpoint(new WebhookEventQueries(events));

    @Test
    void countsAgainstTheWebhookLimit() {
        assertEquals(RateLimitClass.WEBHOOKS, endpoint.rateLimitClass());
    }

    @Test
    void detailShowsThePayloadAndEveryAttempt() {
        WebhookEvent event = WebhookTestEvents.pending(MERCHANT, TestClocks.NOW.minusSeconds(400), OWN_URL);
        events.add(event);
        DeliveryAttempt timeout = new DeliveryAttempt(1, TestClocks.NOW.minusSeconds(399), OWN_URL, null, "timeout",
                10_000, null);
        DeliveryAttempt served = new DeliveryAttempt(2, TestClocks.NOW, OWN_URL, 503, null, 41, "try later");
        events.recordAttempt(event.eventId(), timeout,
                new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "timeout"));
        events.recordAttempt(event.eventId(), served,
                new DeliveryState(DeliveryStatus.RETRYING, List.of(), null, null, "http_503"));

        ApiResponse response = get(event.eventId());

        assertEquals(200, response.statusCode());
        Map<String, Object> data = Responses.data(response);
        assertEquals(event.eventId(), data.get("event_id"));
        assertEquals("payment.succeeded", data.get("type"));
        assertEquals("retrying", data.get("delivery_status"));
        assertEquals(2, data.get("attempt_count"));
        assertEquals("http_503", data.get("last_error"));
        assertEquals(OWN_URL, data.get("target_url"));
        assertEquals(event.data(), data.get("data"));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("number", 1);
        first.put("at", "2026-11-23T11:53:21Z");
        first.put("url", OWN_URL);
        first.put("http_status", null);
        first.put("error", "timeout");
        first.put("duration_ms", 10_000);
        first.put("response", null);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("number", 2);
        second.put("at", TestClocks.NOW_TEXT);
        second.put("url", OWN_URL);
        second.put("http_status", 503);
        second.put("error", null);
        second.put("duration_ms", 41);
        second.put("response", "try later");
        assertEquals(List.of(first, second), data.get("attempts"));
    }

    @Test
    void eventNotYetAttemptedHasAnEmptyHistory() {
        WebhookEvent event = WebhookTestEvents.pending(MERCHANT, TestClocks.NOW);
        events.add(event);

        Map<String, Object> data = Responses.data(get(event.eventId()));

        assertEquals(List.of(), data.get("attempts"));
        assertEquals("pending", data.get("delivery_status"));
        assertTrue(!data.containsKey("target_url") && !data.containsKey("last_error"), data.toString());
    }

    @Test
    void anotherMerchantsEventIsNotFoundLikeOneThatDoesNotExist() {
        WebhookEvent theirs = WebhookTestEvents.pending(PaymentWorld.MERCHANT_B.merchantId(), TestClocks.NOW);
        events.add(theirs);

        ApiResponse response = get(theirs.eventId());
        ApiResponse unknown = get("evt_000000000000000000000000");

        assertEquals(404, response.statusCode());
        assertEquals("event_not_found", Responses.error(response).get("code"));
        assertEquals(unknown.body(), response.body(), "indistinguishable from an id that does not exist");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "evt_short", "txn_000000000000000000000000", "evt_00000000000000000000000!",
        "../../etc/passwd", "EVT_000000000000000000000000", "evt_0000000000000000000000000"})
    void malformedIdIsNotFoundWithoutTouchingTheTable(String id) {
        events.failWith(new IllegalStateException("the table was read"));

        ApiResponse response = get(id);

        assertEquals(404, response.statusCode());
        assertEquals("event_not_found", Responses.error(response).get("code"));
    }

    private ApiResponse get(String eventId) {
        Map<String, String> path = new HashMap<>();
        if (eventId != null) {
            path.put("event_id", eventId);
        }
        return WebhookApiCalls.respond(() -> endpoint.handle(
                WebhookApiCalls.get("/api/webhook-events/" + eventId, path, Map.of()), PaymentWorld.MERCHANT_A));
    }
}
