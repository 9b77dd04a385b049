package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e.TestMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a payment leaves for webhook delivery: the event in the webhook events table carrying exactly
 * the transaction the status endpoint shows (delivery itself is covered by the webhooks ITs), and a
 * webhook_queued that says whether a delivery job was queued. Merchants of their own, so their jobs
 * can be told apart from everyone else's: one with no endpoint, one with an endpoint.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookJobsIT {
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9A-Za-z]{24}");

    private final E2e e2e;
    private TestMerchant merchant;
    private TestMerchant withEndpoint;

    WebhookJobsIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchants() {
        merchant = e2e.newMerchant("Webhook Merchant");
        withEndpoint = e2e.newMerchant("Webhook Merchant With Endpoint");
        // Nothing listens on the discard port: deliveries fail and are retried, which this class doesn't watch.
        HttpResult set = withEndpoint.api().call("PUT", "/api/webhook-endpoint",
                "{\"url\":\"http://127.0.0.1:9/webhook-jobs\"}");
        assertEquals(200, set.status(), set::describe);
    }

    @Test
    void successfulPaymentStoresAPaymentSucceededEventWithTheStatusEndpointsData() {
        HttpResult paid = merchant.api().pay(Payments.card(Payments.SUCCESS, "563"));
        assertEquals(200, paid.status(), paid::describe);
        String transactionId = paid.data().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(merchant, transactionId);

        assertEquals("payment.succeeded", event.get("type").s());
        assertEquals(merchant.merchantId(), event.get("merchant_id").s());
        assertEquals("test", event.get("mode").s());
        HttpResult status = merchant.api().status(transactionId);
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(status.data(), eventData, "the event's data is the status endpoint's data");
    }

    @Test
    void declinedPaymentStoresAPaymentFailedEventWithTheError() {
        HttpResult declined = merchant.api().pay(Payments.card(Payments.DECLINED, "564"));
        assertEquals(400, declined.status(), declined::describe);
        String transactionId = declined.error().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(merchant, transactionId);

        assertEquals("payment.failed", event.get("type").s());
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(merchant.api().status(transactionId).data(), eventData);
        assertEquals("card_declined", eventData.path("error").path("code").asText());
    }

    /** No webhook_url on the payment and no endpoint: nothing is queued, and the answer says so. */
    @Test
    void withNowhereToSendItWebhookQueuedIsFalseAndTheEventIsRecordedAsFailedAndListed() {
        HttpResult paid = merchant.api().pay(Payments.card(Payments.SUCCESS, "565"));
        assertEquals(200, paid.status(), paid::describe);
        assertEquals(false, paid.data().path("webhook_queued").asBoolean(true), paid::describe);
        String transactionId = paid.data().path("transaction_id").asText();

        Map<String, AttributeValue> stored = onlyEventFor(merchant, transactionId);
        HttpResult listed = merchant.api().get("/api/webhook-events?limit=100");
        JsonNode event = eventOf(listed, transactionId);
        HttpResult shown = merchant.api().get("/api/webhook-events/" + event.path("event_id").asText());

        assertEquals("failed", stored.get("delivery_status").s());
        assertEquals("failed", event.path("delivery_status").asText(), listed::describe);
        assertEquals(0, event.path("attempt_count").asInt(), "never attempted: " + listed.describe());
        assertTrue(event.path("last_error").asText().startsWith("no_endpoint"), listed::describe);
        assertEquals(event.path("created_at").asText(), event.path("failed_at").asText(), listed::describe);
        assertEquals(200, shown.status(), shown::describe);
        assertEquals(merchant.api().status(transactionId).data(), shown.data().path("data"));
    }

    @Test
    void withAnEndpointWebhookQueuedIsTrueAndTheEventIsPendingUntilDelivered() {
        HttpResult paid = withEndpoint.api().pay(Payments.card(Payments.SUCCESS, "566"));
        assertEquals(200, paid.status(), paid::describe);
        assertEquals(true, paid.data().path("webhook_queued").asBoolean(false), paid::describe);

        Map<String, AttributeValue> event = onlyEventFor(withEndpoint, paid.data().path("transaction_id").asText());

        assertTrue(Set.of("pending", "retrying").contains(event.get("delivery_status").s()), event.toString());
    }

    private static JsonNode eventOf(HttpResult list, String transactionId) {
        assertEquals(200, list.status(), list::describe);
        for (JsonNode event : list.data().path("events")) {
            if (transactionId.equals(event.path("transaction_id").asText())) {
                return event;
            }
        }
        throw new AssertionError("no event for " + transactionId + " in " + list.describe());
    }

    /** The one stored event about this transaction, found through the index the merchant's test key lists from. */
    private Map<String, AttributeValue> onlyEventFor(TestMerchant owner, String transactionId) {
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (Map<String, AttributeValue> event : e2e.dynamoDb().query(query -> query
                .tableName(e2e.tableName("WebhookEventsTable"))
                .indexName("by_merchant_mode_created")
                .keyConditionExpression("merchant_mode = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(owner.merchantId() + "#test")))).items()) {
            assertTrue(EVENT_ID.matcher(event.get("event_id").s()).matches(), "event_id " + event.get("event_id"));
            if (transactionId.equals(event.get("transaction_id").s())) {
                events.add(event);
            }
        }
        assertEquals(1, events.size(), "stored events for " + transactionId + ": " + events);
        return events.get(0);
    }
}
