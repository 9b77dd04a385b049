package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.json.Json;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.domain.webhook.WebhookEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Events are written by the transaction repository (the outbox); this one reads them back. */
class DynamoWebhookEventRepositoryIT {
    /** Reads what was written as a tree, independently of the product's own JSON code. */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Instant LATER = Instant.parse("2025-07-23T07:15:00.123Z");

    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String eventsTable = LocalStackFixture.table("WebhookEventsTable");
    private final DynamoTransactionRepository transactions =
            new DynamoTransactionRepository(dynamoDb, LocalStackFixture.table("TransactionsTable"), eventsTable,
                    LocalStackFixture.table("TransactionSearchTable"));
    private final DynamoWebhookEventRepository events = new DynamoWebhookEventRepository(dynamoDb, eventsTable);

    @Test
    void eventWrittenWithItsTransactionIsFoundWithEveryField() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);
        transactions.insert(transaction, event);

        WebhookEvent found = events.find(event.eventId()).orElseThrow();

        assertEquals(event.eventId(), found.eventId());
        assertEquals(transaction.merchantId(), found.merchantId());
        assertEquals(transaction.transactionId(), found.transactionId());
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, found.type());
        assertEquals(AdapterTestData.PROCESSED_AT, found.createdAt());
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, found.deliveryStatus());
        // The merchant receives JSON: the data must serialise exactly as it did when the event was made.
        assertEquals(Json.write(event.data()), Json.write(found.data()));
    }

    @Test
    void dataIsFrozenAtTheTimeOfTheEventNotReadFromTheLaterTransaction() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        WebhookEvent pendingEvent = WebhookEvents.announce(pending, AdapterTestData.CREATED_AT);
        transactions.insert(pending, pendingEvent);
        Transaction completed = pending.challengePassed().approve(LATER);
        transactions.update(pending.challengePassed(), null);
        WebhookEvent completedEvent = WebhookEvents.announce(completed, LATER);
        transactions.update(completed, completedEvent);

        JsonNode before = TREES.valueToTree(events.find(pendingEvent.eventId()).orElseThrow().data());
        JsonNode after = TREES.valueToTree(events.find(completedEvent.eventId()).orElseThrow().data());

        assertEquals("pending", before.get("status").asText());
        assertEquals("required", before.get("three_d_secure").asText());
        assertNull(before.get("processed_at"));
        assertEquals("completed", after.get("status").asText());
        assertEquals("authenticated", after.get("three_d_secure").asText());
        assertEquals(Json.write(TransactionView.of(completed)),
                Json.write(events.find(completedEvent.eventId()).orElseThrow().data()));
        assertEquals(WebhookEventType.PAYMENT_PENDING, events.find(pendingEvent.eventId()).orElseThrow().type());
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, events.find(completedEvent.eventId()).orElseThrow().type());
    }

    @Test
    void failedPaymentEventCarriesTheErrorAndTheCardWithoutItsNumber() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        transactions.insert(pending, null);
        Transaction failed = pending.fail(new PaymentFailure(
                ErrorCode.THREE_D_SECURE_FAILED, "3-D Secure authentication failed.",
                "authentication_failed"), ThreeDSecureStatus.FAILED, LATER);
        WebhookEvent event = WebhookEvents.announce(failed, LATER);
        transactions.update(failed, event);

        JsonNode data = TREES.valueToTree(events.find(event.eventId()).orElseThrow().data());

        assertEquals(WebhookEventType.PAYMENT_FAILED, events.find(event.eventId()).orElseThrow().type());
        assertEquals("3ds_authentication_failed", data.get("error").get("code").asText());
        assertEquals("authentication_failed", data.get("error").get("decline_code").asText());
        assertEquals("4242", data.get("card").get("last4").asText());
        assertEquals(2030, data.get("card").get("exp_year").asInt());
        assertFalse(data.toString().contains(AdapterTestData.PAN));
    }

    @Test
    void eventsAreListedByMerchantInCreationOrderThroughTheTemplateIndex() {
        Transaction pending = AdapterTestData.awaitingChallenge(AdapterTestData.merchantId());
        WebhookEvent first = WebhookEvents.announce(pending, AdapterTestData.CREATED_AT);
        transactions.insert(pending, first);
        Transaction completed = pending.approve(LATER);
        WebhookEvent second = WebhookEvents.announce(completed, LATER);
        transactions.update(completed, second);

        List<String> listed = dynamoDb.query(q -> q.tableName(eventsTable).indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(pending.merchantId()))))
                .items().stream().map(i -> i.get("event_id").s()).toList();

        assertEquals(List.of(first.eventId(), second.eventId()), listed);
    }

    @Test
    void unknownEventIsEmptyAndAMissingTableIsAConfigurationFault() {
        assertTrue(events.find("evt_" + AdapterTestData.merchantId()).isEmpty());

        DynamoWebhookEventRepository missing = new DynamoWebhookEventRepository(dynamoDb, "no-such-table");
        assertThrows(IllegalStateException.class, () -> missing.find("evt_x"));
    }
}
