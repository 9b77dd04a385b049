package com.circoflows.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.json.Json;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.localstack.LocalAwsClients;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsWebhookJobQueueIT {
    private final SqsClient sqs = LocalStackFixture.sqs();
    private final String queueUrl = LocalStackFixture.queueUrl("WebhookQueue");

    @Test
    void jobNamesTheEventAndCarriesNoPaymentData() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);

        new SqsWebhookJobQueue(sqs, queueUrl).enqueue(event);

        Message message = receiveJobFor(event.eventId()).orElseThrow(() -> new AssertionError("no job queued"));
        Map<String, Object> body = Json.readMap(message.body());
        assertEquals(Map.of("event_id", event.eventId(), "merchant_id", transaction.merchantId()), body);
        assertFalse(message.body().contains("4242"), "a job must not carry card data");
        assertFalse(message.body().contains("Ada Lovelace"), "a job must not carry customer data");
    }

    @Test
    void oneAttemptJobIsMarkedSoTheDeliveryFunctionSchedulesNoRetries() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);

        new SqsWebhookJobQueue(sqs, queueUrl).enqueueOneAttempt(event);

        Message message = receiveJobFor(event.eventId()).orElseThrow(() -> new AssertionError("no job queued"));
        assertEquals(Map.of("event_id", event.eventId(), "merchant_id", transaction.merchantId(), "one_attempt", true),
                Json.readMap(message.body()));
    }

    @Test
    void resumedJobCarriesItsRetryChainAndWhereItStoodInTheSchedule() {
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);

        new SqsWebhookJobQueue(sqs, queueUrl).resumeRetries(event, "chn_0123456789abcdef", 4);

        Message message = receiveJobFor(event.eventId()).orElseThrow(() -> new AssertionError("no job queued"));
        assertEquals(Map.of("event_id", event.eventId(), "merchant_id", transaction.merchantId(),
                "retry_chain", "chn_0123456789abcdef", "schedule_position", 4), Json.readMap(message.body()));
    }

    @Test
    void queueThatDoesNotExistSurfacesAsRetryableFailure() {
        String badUrl = LocalStackFixture.stack().sqs().endpoint() + "/000000000000/no-such-queue";
        WebhookEvent event = WebhookEvents.announce(AdapterTestData.completed(AdapterTestData.merchantId()),
                AdapterTestData.PROCESSED_AT);

        RetryableFailure failure = assertThrows(RetryableFailure.class,
                () -> new SqsWebhookJobQueue(sqs, badUrl).enqueue(event));

        assertTrue(failure.getMessage().startsWith("SQS SendMessage failed"), failure.getMessage());
    }

    @Test
    void unreachableQueueEndpointSurfacesAsRetryableFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        WebhookEvent event = WebhookEvents.announce(AdapterTestData.completed(AdapterTestData.merchantId()),
                AdapterTestData.PROCESSED_AT);

        try (SqsClient unreachable = LocalAwsClients.sqs(nowhere)) {
            assertThrows(RetryableFailure.class,
                    () -> new SqsWebhookJobQueue(unreachable, nowhere + "/000000000000/webhooks").enqueue(event));
        }
    }

    @Test
    void failedEnqueueStillStoresTheTransactionAndItsPendingEvent() {
        var dynamoDb = LocalStackFixture.dynamoDb();
        String eventsTable = LocalStackFixture.table("WebhookEventsTable");
        DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb,
                LocalStackFixture.table("TransactionsTable"), eventsTable,
                LocalStackFixture.table("TransactionSearchTable"));
        String badUrl = LocalStackFixture.stack().sqs().endpoint() + "/000000000000/no-such-queue";
        TransactionWriter writer = new TransactionWriter(transactions, new SqsWebhookJobQueue(sqs, badUrl),
                merchantId -> true, AdapterTestData.CLOCK);
        Transaction transaction = AdapterTestData.completed(AdapterTestData.merchantId());

        PaymentOutcome outcome = writer.insert(transaction);

        assertFalse(outcome.webhookQueued());
        assertEquals(transaction, transactions.find(transaction.transactionId()).orElseThrow());
        var events = dynamoDb.query(q -> q.tableName(eventsTable).indexName("by_merchant_created")
                .keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m",
                        AttributeValue.fromS(transaction.merchantId()))))
                .items();
        assertEquals(1, events.size());
        WebhookEvent stored = new DynamoWebhookEventRepository(dynamoDb, eventsTable)
                .find(events.get(0).get("event_id").s()).orElseThrow();
        assertEquals(WebhookEvent.DeliveryStatus.PENDING, stored.deliveryStatus(), "left for the sweeper to queue");
    }

    /** Reads the queue until the job for {@code eventId} shows up; deletes what it reads. */
    private Optional<Message> receiveJobFor(String eventId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                if (message.body().contains(eventId)) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }
}
