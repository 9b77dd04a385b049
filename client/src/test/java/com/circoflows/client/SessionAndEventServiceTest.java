package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.Session;
import com.circoflows.client.model.SessionCreateParams;
import com.circoflows.client.model.SessionListParams;
import com.circoflows.client.model.WebhookEventSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionAndEventServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Answers from docs/openapi.yaml's examples.
    private static final String SESSION_CREATED = "{\"success\":true,\"message\":\"Payment session created "
            + "successfully\",\"data\":{\"session_id\":\"sess_TcjORKToCh3RcGKw9nGHgIQT\",\"payment_url\":"
            + "\"http://localhost:3107/pay/sess_TcjORKToCh3RcGKw9nGHgIQT\",\"amount\":25000,\"currency\":\"USD\","
            + "\"description\":\"Premium Subscription - Annual Plan\",\"status\":\"pending\",\"expires_at\":"
            + "\"2026-12-06T16:53:38Z\",\"created_at\":\"2026-12-04T16:53:38Z\"}}";
    private static final String SESSION_CANCELLED = "{\"success\":true,\"message\":\"Session cancelled\",\"data\":"
            + "{\"session_id\":\"sess_wkC7TIXyRtElT3IJj7IRicQ5\",\"status\":\"cancelled\",\"cancelled_at\":"
            + "\"2026-12-04T16:53:50Z\"}}";
    private static final String EVENT_DETAIL = "{\"success\":true,\"data\":{\"event_id\":\"evt_m5Wb3JwMBG9fP0f5Q3tJhjqA\","
            + "\"type\":\"payment.failed\",\"created_at\":\"2026-12-04T16:53:31Z\",\"transaction_id\":"
            + "\"txn_ZQCDUOPI2bZN9xrseehCLG6G\",\"delivery_status\":\"delivered\",\"attempt_count\":1,\"delivered_at\":"
            + "\"2026-12-04T16:53:31Z\",\"attempts\":[{\"number\":1,\"at\":\"2026-12-04T16:53:31Z\",\"url\":"
            + "\"http://127.0.0.1:18107/webhooks\",\"http_status\":200,\"error\":null,\"duration_ms\":2,\"response\":"
            + "\"ok\"}],\"data\":{\"transaction_id\":\"txn_ZQCDUOPI2bZN9xrseehCLG6G\",\"amount\":2500,\"currency\":"
            + "\"EUR\",\"status\":\"failed\"}}}";

    private FakeApi api;
    private CircoFlowsClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        client = api.client().build();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aSessionIsCreatedWithAnIdempotencyKeyAndTheApisFieldNames() throws Exception {
        api.answer(201, SESSION_CREATED);

        Session session = client.sessions().create(SessionCreateParams.builder().amount(25000).currency("USD")
                .description("Premium Subscription - Annual Plan").metadata("plan", "annual").manualCapture()
                .expiresAt(Instant.parse("2026-12-06T16:53:38Z")).build(), RequestOptions.idempotencyKey("order-7"));

        FakeApi.Recorded sent = api.requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/api/hosted-payment", sent.pathAndQuery());
        assertEquals("order-7", sent.header("Idempotency-Key"));
        assertEquals(JSON.readTree("{\"amount\":25000,\"currency\":\"USD\",\"description\":\"Premium Subscription - "
                + "Annual Plan\",\"metadata\":{\"plan\":\"annual\"},\"expires_at\":\"2026-12-06T16:53:38Z\","
                + "\"capture_method\":\"manual\"}"), JSON.readTree(sent.body()));
        assertEquals("sess_TcjORKToCh3RcGKw9nGHgIQT", session.getSessionId());
        assertEquals("http://localhost:3107/pay/sess_TcjORKToCh3RcGKw9nGHgIQT", session.getPaymentUrl());
        assertEquals(Instant.parse("2026-12-06T16:53:38Z"), session.getExpiresAt());
    }

    @Test
    void aSessionIdIsEncodedIntoThePathAndCancelPostsWithoutABody() {
        api.answer(200, SESSION_CANCELLED).answer(200, SESSION_CANCELLED);

        client.sessions().retrieve("sess_a/../b");
        Session cancelled = client.sessions().cancel("sess_wkC7TIXyRtElT3IJj7IRicQ5");

        assertEquals("GET", api.requests().get(0).method());
        assertEquals("/api/hosted-payment/sess_a%2F..%2Fb", api.requests().get(0).pathAndQuery());
        assertNull(api.requests().get(0).header("Idempotency-Key"));
        FakeApi.Recorded cancel = api.requests().get(1);
        assertEquals("POST", cancel.method());
        assertEquals("/api/hosted-payment/sess_wkC7TIXyRtElT3IJj7IRicQ5/cancel", cancel.pathAndQuery());
        assertNotNull(cancel.header("Idempotency-Key"));
        assertEquals("", cancel.body());
        assertEquals("cancelled", cancelled.getStatus());
        assertEquals(Instant.parse("2026-12-04T16:53:50Z"), cancelled.getCancelledAt());
    }

    @Test
    void listAllSessionsFollowsTheCursorsKeepingTheFilter() {
        api.answer(200, page("sessions", "session_id", "c1", "sess_1", "sess_2"))
                .answer(200, page("sessions", "session_id", null, "sess_3"));

        List<String> ids = new ArrayList<>();
        for (Session session : client.sessions().listAll(SessionListParams.builder().status("completed").limit(2)
                .build())) {
            ids.add(session.getSessionId());
        }

        assertEquals(List.of("sess_1", "sess_2", "sess_3"), ids);
        assertEquals("/api/hosted-payment?status=completed&limit=2", api.requests().get(0).pathAndQuery());
        assertEquals("/api/hosted-payment?status=completed&limit=2&cursor=c1", api.requests().get(1).pathAndQuery());
    }

    @Test
    void listAllEventsOfOnePaymentFollowsTheCursors() {
        api.answer(200, page("events", "event_id", "c+1", "evt_1"))
                .answer(200, page("events", "event_id", null, "evt_2"));

        List<String> ids = new ArrayList<>();
        for (WebhookEventSummary event : client.events().listAll(EventListParams.builder()
                .transactionId("txn_ZQCDUOPI2bZN9xrseehCLG6G").build())) {
            ids.add(event.getEventId());
        }

        assertEquals(List.of("evt_1", "evt_2"), ids);
        assertEquals("/api/webhook-events?transaction_id=txn_ZQCDUOPI2bZN9xrseehCLG6G",
                api.requests().get(0).pathAndQuery());
        assertEquals("/api/webhook-events?transaction_id=txn_ZQCDUOPI2bZN9xrseehCLG6G&cursor=c%2B1",
                api.requests().get(1).pathAndQuery());
    }

    @Test
    void anEventIsReadWithItsAttemptsAndPayloadAndRedeliveredByPost() {
        api.answer(200, EVENT_DETAIL).answer(200, "{\"success\":true,\"message\":\"Event queued for redelivery\","
                + "\"data\":{\"event_id\":\"evt_m5Wb3JwMBG9fP0f5Q3tJhjqA\",\"type\":\"payment.failed\","
                + "\"created_at\":\"2026-12-04T16:53:31Z\",\"transaction_id\":\"txn_ZQCDUOPI2bZN9xrseehCLG6G\","
                + "\"delivery_status\":\"pending\",\"attempt_count\":1}}");

        WebhookEventDetail event = client.events().retrieve("evt_m5Wb3JwMBG9fP0f5Q3tJhjqA");
        WebhookEventSummary again = client.events().redeliver("evt_m5Wb3JwMBG9fP0f5Q3tJhjqA");

        assertEquals("/api/webhook-events/evt_m5Wb3JwMBG9fP0f5Q3tJhjqA", api.requests().get(0).pathAndQuery());
        assertEquals(200, event.getAttempts().get(0).getHttpStatus());
        assertEquals(2500L, event.getDataAs(Payment.class).getAmount());
        assertEquals("POST", api.requests().get(1).method());
        assertEquals("/api/webhook-events/evt_m5Wb3JwMBG9fP0f5Q3tJhjqA/redeliver", api.requests().get(1).pathAndQuery());
        assertNotNull(api.requests().get(1).header("Idempotency-Key"));
        assertEquals("pending", again.getDeliveryStatus());
    }

    /** A list page: {@code {<field>: [{<idField>: id}...], has_more, next_cursor}}. */
    private static String page(String field, String idField, String nextCursor, String... ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.length() == 0 ? "" : ",").append("{\"").append(idField).append("\":\"").append(id)
                    .append("\"}");
        }
        return "{\"success\":true,\"data\":{\"" + field + "\":[" + items + "],\"has_more\":" + (nextCursor != null)
                + ",\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}}";
    }
}
