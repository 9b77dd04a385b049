package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e.TestMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What a payment leaves for webhook delivery: a job on the SQS webhook queue naming an event, and
 * the event in the webhook events table carrying exactly the transaction the status endpoint shows.
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
    void successfulPaymentQueuesAJobForAPaymentSucceededEventWithTheStatusEndpointsData() {
        HttpResult paid = merchant.api().pay(Payments.card(Payments.SUCCESS, "563"));
        assertEquals(200, paid.status(), paid::describe);
        assertEquals(true, paid.data().path("webhook_queued").asBoolean(false), paid::describe);
        String transactionId = paid.data().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(transactionId);

        assertEquals("payment.succeeded", event.get("type").s());
        assertEquals("pending", event.get("delivery_status").s());
        assertEquals(merchant.merchantId(), event.get("merchant_id").s());
        HttpResult status = merchant.api().status(transactionId);
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(status.data(), eventData, "the event's data is the status endpoint's data");
    }

    @Test
    void declinedPaymentQueuesAJobForAPaymentFailedEventWithTheError() {
        HttpResult declined = merchant.api().pay(Payments.card(Payments.DECLINED, "564"));
        assertEquals(400, declined.status(), declined::describe);
        String transactionId = declined.error().path("transaction_id").asText();

        Map<String, AttributeValue> event = onlyEventFor(transactionId);

        assertEquals("payment.failed", event.get("type").s());
        assertEquals("pending", event.get("delivery_status").s());
        JsonNode eventData = Json.parse(event.get("data").s(), () -> "event data");
        assertEquals(merchant.api().status(transactionId).data(), eventData);
        assertEquals("card_declined", eventData.path("error").path("code").asText());
    }

    /** The one queued job of this merchant that names an event about this transaction, read back. */
    private Map<String, AttributeValue> onlyEventFor(String transactionId) {
        List<Map<String, AttributeValue>> events = new ArrayList<>();
        for (JsonNode job : jobsOf(merchant.merchantId())) {
            assertTrue(Set.of("event_id", "merchant_id").containsAll(toList(job.fieldNames())),
                    "a job names the event and holds no payment data: " + job);
            String eventId = job.path("event_id").asText();
            assertTrue(EVENT_ID.matcher(eventId).matches(), "event_id " + eventId);
            Map<String, AttributeValue> event = e2e.dynamoDb().getItem(get -> get
                    .tableName(e2e.tableName("WebhookEventsTable"))
                    .key(Map.of("event_id", AttributeValue.fromS(eventId)))
                    .consistentRead(true)).item();
            assertTrue(event != null && !event.isEmpty(), "the queued job names a stored event: " + eventId);
            if (transactionId.equals(event.get("transaction_id").s())) {
                events.add(event);
            }
        }
        assertEquals(1, events.size(), "queued events for " + transactionId + ": " + events);
        return events.get(0);
    }

    /**
     * Reads every visible job on the webhook queue and makes them all visible again at once, so the
     * queue is left as it was; returns the bodies of this merchant's.
     */
    private List<JsonNode> jobsOf(String merchantId) {
        String queueUrl = e2e.queueUrl("WebhookQueue");
        Map<String, Message> received = new HashMap<>();
        List<JsonNode> mine = new ArrayList<>();
        try {
            while (true) {
                List<Message> batch = e2e.sqs().receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).visibilityTimeout(30).waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    received.put(message.messageId(), message);
                    JsonNode job = Json.parse(message.body(), message::body);
                    if (merchantId.equals(job.path("merchant_id").asText())) {
                        mine.add(job);
                    }
                }
            }
        } finally {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = received.values().stream()
                    .map(message -> ChangeMessageVisibilityBatchRequestEntry.builder()
                            .id(message.messageId()).receiptHandle(message.receiptHandle()).visibilityTimeout(0)
                            .build())
                    .toList();
            for (int from = 0; from < entries.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> chunk =
                        entries.subList(from, Math.min(entries.size(), from + 10));
                e2e.sqs().changeMessageVisibilityBatch(change -> change.queueUrl(queueUrl).entries(chunk));
            }
        }
        assertTrue(!received.isEmpty(), "the webhook queue holds jobs");
        return mine;
    }

    private static List<String> toList(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
