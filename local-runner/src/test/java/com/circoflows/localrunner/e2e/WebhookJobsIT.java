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
 * the transaction the status endpoint shows (delivery itself is covered by the webhooks ITs).
 * A merchant of its own, so its jobs can be told apart from everyone else's.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookJobsIT {
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9A-Za-z]{24}");

    private final E2e e2e;
    private TestMerchant merchant;

    WebhookJobsIT(E2e e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void merchant() {
        merchant = e2e.newMerchant("Webhook Merchant");
    }

    @Test
    void successfulPaymentStoresAPaymentSucceededEventWithTheStatusEndpointsData() {
        HttpResult paid = merchant.api().pay(Payments.card(Payments.SUCCESS, "563"));
        assertEquals(200, paid.status(), paid::describe);
        assertEquals(true, paid.data().path("webhook_queued").asBoolean(false), paid::describe);
        String transactionId = paid.data().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(transactionId);

        assertEquals("payment.succeeded", event.get("type").s());
        assertTrue(Set.of("pending", "failed").contains(event.get("delivery_status").s()), event.toString());
        assertEquals(merchant.merchantId(), event.get("merchant_id").s());
        HttpResult status = merchant.api().status(transactionId);
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(status.data(), eventData, "the event's data is the status endpoint's data");
    }

    @Test
    void declinedPaymentStoresAPaymentFailedEventWithTheError() {
        HttpResult declined = merchant.api().pay(Payments.card(Payments.DECLINED, "564"));
        assertEquals(400, declined.status(), declined::describe);
        String transactionId = declined.error().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(transactionId);

        assertEquals("payment.failed", event.get("type").s());
        assertTrue(Set.of("pending", "failed").contains(event.get("delivery_status").s()), event.toString());
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(merchant.api().status(transactionId).data(), eventData);
        assertEquals("card_declined", eventData.path("error").path("code").asText());
    }

    /**
     * The one stored event about this transaction, found through the merchant index. Its job has
     * already been consumed by the delivery function; this merchant has no endpoint, so delivery
     * records it as failed (no_endpoint) rather than pending.
     */
    private Map<String, AttributeValue> onlyEventFor(String transactionId) {
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (Map<String, AttributeValue> event : e2e.dynamoDb().query(query -> query
                .tableName(e2e.tableName("WebhookEventsTable"))
                .indexName("by_merchant_created")
                .keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchant.merchantId())))).items()) {
            assertTrue(EVENT_ID.matcher(event.get("event_id").s()).matches(), "event_id " + event.get("event_id"));
            if (transactionId.equals(event.get("transaction_id").s())) {
                events.add(event);
            }
        }
        assertEquals(1, events.size(), "stored events for " + transactionId + ": " + events);
        return events.get(0);
    }
}
