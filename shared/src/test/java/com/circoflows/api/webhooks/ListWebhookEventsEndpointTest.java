package com.circoflows.api.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListWebhookEventsEndpointTest {
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();

    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final ListWebhookEventsEndpoint endpoint = new ListWebhookEventsEndpoint(new WebhookEventQueries(events));

    @Test
    void countsAgainstTheWebhookLimit() {
        assertEquals(RateLimitClass.WEBHOOKS, endpoint.rateLimitClass());
    }

    @Test
    void listsTheMerchantsEventsNewestFirstAsSummaries() {
        WebhookEvent older = stored(MERCHANT, 60);
        WebhookEvent newer = stored(MERCHANT, 1);
        stored(PaymentWorld.MERCHANT_B.merchantId(), 30);
        DeliveryAttempt ok = new DeliveryAttempt(1, TestClocks.NOW, "https://hooks.acme.example/in", 200, null, 9, "ok");
        events.recordAttempt(older.eventId(), ok,
                new DeliveryState(DeliveryStatus.DELIVERED, List.of(ok), TestClocks.NOW, null, null));

        ApiResponse response = list(Map.of());

        assertEquals(200, response.statusCode());
        Map<String, Object> data = Responses.data(response);
        List<Map<String, Object>> listed = listed(response);
        assertEquals(List.of(newer.eventId(), older.eventId()), listed.stream().map(e -> e.get("event_id")).toList());
        assertEquals(false, data.get("has_more"));
        assertTrue(data.containsKey("next_cursor"));
        assertNull(data.get("next_cursor"));
        Map<String, Object> delivered = listed.get(1);
        assertEquals("payment.succeeded", delivered.get("type"));
        assertEquals(older.transactionId(), delivered.get("transaction_id"));
        assertEquals("delivered", delivered.get("delivery_status"));
        assertEquals(1, delivered.get("attempt_count"));
        assertEquals(TestClocks.NOW_TEXT, delivered.get("delivered_at"));
        assertEquals(TestClocks.NOW.minusSeconds(60).toString(), delivered.get("created_at"));
        assertFalse(delivered.containsKey("attempts"), "attempts are in the detail view");
        assertFalse(delivered.containsKey("data"), "payloads are in the detail view");
        assertEquals("pending", listed.get(0).get("delivery_status"));
        assertEquals(0, listed.get(0).get("attempt_count"));
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, stored(MERCHANT, 100 - i).eventId());
        }

        ApiResponse first = list(Map.of("limit", "2"));
        String cursor = (String) Responses.data(first).get("next_cursor");
        ApiResponse second = list(Map.of("limit", "2", "cursor", cursor));
        String cursor2 = (String) Responses.data(second).get("next_cursor");
        ApiResponse third = list(Map.of("limit", "2", "cursor", cursor2));

        List<Object> seen = new ArrayList<>();
        for (ApiResponse page : List.of(first, second, third)) {
            listed(page).forEach(e -> seen.add(e.get("event_id")));
        }
        assertEquals(newestFirst, seen);
        assertEquals(true, Responses.data(first).get("has_more"));
        assertEquals(true, Responses.data(second).get("has_more"));
        assertEquals(false, Responses.data(third).get("has_more"));
    }

    @Test
    void defaultPageHoldsTwentyAndAHundredIsTheMost() {
        for (int i = 0; i < 120; i++) {
            stored(MERCHANT, 1000 - i);
        }

        assertEquals(20, listed(list(Map.of())).size());
        assertEquals(20, listed(list(Map.of("limit", " "))).size());
        assertEquals(1, listed(list(Map.of("limit", "1"))).size());
        assertEquals(100, listed(list(Map.of("limit", "100"))).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999", "1e2"})
    void limitOutsideOneToAHundredIsA400(String limit) {
        ApiResponse response = list(Map.of("limit", limit));

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", Responses.error(response).get("code"));
        assertEquals("limit", Responses.error(response).get("param"));
    }

    @Test
    void cursorOfAnotherMerchantOrGarbageIsA400() {
        for (int i = 0; i < 3; i++) {
            stored(PaymentWorld.MERCHANT_B.merchantId(), 10 + i);
        }
        ApiResponse theirs = WebhookApiCalls.respond(() -> endpoint.handle(WebhookApiCalls.get("/api/webhook-events",
                Map.of(), Map.of("limit", "1")), PaymentWorld.MERCHANT_B));
        String theirCursor = (String) Responses.data(theirs).get("next_cursor");

        for (String cursor : new String[] {theirCursor, "not-a-cursor", "%%%"}) {
            ApiResponse response = list(Map.of("cursor", cursor));
            assertEquals(400, response.statusCode(), cursor);
            assertEquals("cursor", Responses.error(response).get("param"));
        }
    }

    @Test
    void transactionIdListsOnlyThatPaymentsEventsNewestFirstAcrossPages() {
        WebhookEvent first = stored(MERCHANT, 90);
        List<String> newestFirst = new ArrayList<>();
        newestFirst.add(first.eventId());
        for (int i = 0; i < 2; i++) {
            WebhookEvent later = ofSameTransaction(first, 60 - 30 * i);
            newestFirst.add(0, later.eventId());
        }
        stored(MERCHANT, 10);

        ApiResponse page1 = list(Map.of("transaction_id", first.transactionId(), "limit", "2"));
        String cursor = (String) Responses.data(page1).get("next_cursor");
        ApiResponse page2 = list(Map.of("transaction_id", first.transactionId(), "limit", "2", "cursor", cursor));

        List<Object> seen = new ArrayList<>();
        listed(page1).forEach(e -> seen.add(e.get("event_id")));
        listed(page2).forEach(e -> seen.add(e.get("event_id")));
        assertEquals(newestFirst, seen);
        assertEquals(false, Responses.data(page2).get("has_more"));
        listed(page1).forEach(e -> assertEquals(first.transactionId(), e.get("transaction_id")));
    }

    @Test
    void anotherMerchantsTransactionListsNothingExactlyAsAnUnknownId() {
        WebhookEvent theirs = stored(PaymentWorld.MERCHANT_B.merchantId(), 5);

        ApiResponse foreign = list(Map.of("transaction_id", theirs.transactionId()));
        ApiResponse unknown = list(Map.of("transaction_id", "txn_" + "A".repeat(24)));

        assertEquals(200, foreign.statusCode());
        assertEquals(Responses.data(unknown), Responses.data(foreign));
        assertTrue(listed(foreign).isEmpty());
        assertEquals(false, Responses.data(foreign).get("has_more"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "txn_", "txn_123", "TXN_AAAAAAAAAAAAAAAAAAAAAAAA", "evt_AAAAAAAAAAAAAAAAAAAAAAAA",
            "txn_AAAAAAAAAAAAAAAAAAAAAAA-", "txn_AAAAAAAAAAAAAAAAAAAAAAAAA", "txn_AAAAAAAAAAAAAAAAAAAAAAAA\n"})
    void transactionIdThatCannotBeOneIsA400NamingIt(String transactionId) {
        ApiResponse response = list(Map.of("transaction_id", transactionId));

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", Responses.error(response).get("code"));
        assertEquals("transaction_id", Responses.error(response).get("param"));
    }

    @Test
    void aCursorOfTheWholeListDoesNotWorkForOneTransactionNorTheReverse() {
        WebhookEvent first = stored(MERCHANT, 90);
        ofSameTransaction(first, 60);
        String wholeListCursor = (String) Responses.data(list(Map.of("limit", "1"))).get("next_cursor");
        String transactionCursor = (String) Responses.data(
                list(Map.of("limit", "1", "transaction_id", first.transactionId()))).get("next_cursor");

        assertEquals("cursor", Responses.error(list(Map.of("transaction_id", first.transactionId(),
                "cursor", wholeListCursor))).get("param"));
        assertEquals("cursor", Responses.error(list(Map.of("cursor", transactionCursor))).get("param"));
    }

    private ApiResponse list(Map<String, String> query) {
        return WebhookApiCalls.respond(() -> endpoint.handle(
                WebhookApiCalls.get("/api/webhook-events", Map.of(), new HashMap<>(query)), PaymentWorld.MERCHANT_A));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listed(ApiResponse response) {
        return (List<Map<String, Object>>) Responses.data(response).get("events");
    }

    private WebhookEvent ofSameTransaction(WebhookEvent first, int secondsAgo) {
        WebhookEvent later = new WebhookEvent(com.circoflows.domain.ids.RandomIds.withPrefix("evt_", 24),
                first.merchantId(), first.mode(), first.transactionId(), first.type(),
                TestClocks.NOW.minusSeconds(secondsAgo), first.data(), first.deliveryStatus(), null);
        events.add(later);
        return later;
    }

    private WebhookEvent stored(String merchantId, int secondsAgo) {
        WebhookEvent event = WebhookTestEvents.pending(merchantId, TestClocks.NOW.minusSeconds(secondsAgo));
        events.add(event);
        return event;
    }
}
