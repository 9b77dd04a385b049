package com.circoflows.testsupport;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.localstack.LocalStack;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Webhook endpoints, events (the outbox) and delivery jobs on a {@link HandlerStack}. */
public final class TestWebhooks {
    private final LocalStack stack;
    private final TemplateFunctions functions;
    private final TestQueues queues;
    private final TestPayments payments;
    private WebhookJobBatch deliveries;

    TestWebhooks(LocalStack stack, TemplateFunctions functions, TestQueues queues, TestPayments payments) {
        this.stack = stack;
        this.functions = functions;
        this.queues = queues;
        this.payments = payments;
    }

    public DynamoWebhookEndpointRepository webhookEndpoints() {
        return new DynamoWebhookEndpointRepository(stack.dynamoDbClient(), table("MerchantsTable"));
    }

    public DynamoWebhookEventRepository webhookEventRepository() {
        return new DynamoWebhookEventRepository(stack.dynamoDbClient(), table("WebhookEventsTable"));
    }

    /**
     * Stores {@code url} as the merchant's webhook endpoint the way PUT /api/webhook-endpoint does
     * (the secret is created on the first call only); returns the signing secret deliveries use.
     */
    public WebhookSecret setWebhookEndpoint(String merchantId, String url) {
        return webhookEndpoints().setUrl(merchantId, url, WebhookSecret.generate()).secret();
    }

    public Optional<WebhookEndpoint> webhookEndpoint(String merchantId) {
        return webhookEndpoints().find(merchantId);
    }

    /** The event with its delivery state and attempts, as stored. */
    public StoredWebhookEvent storedWebhookEvent(String eventId) {
        return webhookEventRepository().findWithDelivery(eventId)
                .orElseThrow(() -> new AssertionError("no stored webhook event " + eventId));
    }

    /** The webhook events (outbox) of one transaction, oldest first. */
    public List<WebhookEvent> webhookEvents(String transactionId) {
        String eventsTable = table("WebhookEventsTable");
        var repository = webhookEventRepository();
        Transaction transaction = payments.storedTransaction(transactionId);
        List<WebhookEvent> events = new ArrayList<>();
        stack.dynamoDbClient().query(q -> q.tableName(eventsTable).indexName("by_merchant_mode_created")
                        .keyConditionExpression("merchant_mode = :m")
                        .filterExpression("transaction_id = :t")
                        .expressionAttributeValues(Map.of(
                                ":m", AttributeValue.fromS(transaction.merchantId() + "#"
                                        + transaction.mode().wireName()),
                                ":t", AttributeValue.fromS(transactionId))))
                .items()
                .forEach(item -> events.add(repository.find(item.get("event_id").s()).orElseThrow()));
        return events;
    }

    /** The one webhook event a new payment announced (its outbox entry). */
    public String eventIdOf(CreatedPayment payment) {
        List<WebhookEvent> events = webhookEvents(payment.transactionId());
        if (events.size() != 1) {
            throw new AssertionError("expected one webhook event for " + payment.transactionId() + ", got " + events);
        }
        return events.get(0).eventId();
    }

    /**
     * Deletes every stored webhook event of every merchant. Only for a test of something that reads
     * them all (the sweeper): it must run while no other test class uses the stack, which
     * {@link org.junit.jupiter.api.parallel.Isolated} on that class says.
     */
    public void forgetAllWebhookEvents() {
        String eventsTable = table("WebhookEventsTable");
        stack.dynamoDbClient().scanPaginator(scan -> scan.tableName(eventsTable).projectionExpression("event_id"))
                .items().forEach(item -> stack.dynamoDbClient().deleteItem(delete -> delete.tableName(eventsTable)
                        .key(Map.of("event_id", item.get("event_id")))));
    }

    /** Takes every job now on the webhook queue (deleting them) and returns their bodies. */
    public List<String> drainWebhookJobs() {
        return queues.drain("WebhookQueue");
    }

    /**
     * Delivers the event's job the way the delivery function does, for modules without its handler:
     * what WebhookDeliveryHandler's no-arg constructor builds (FunctionWiring.webhookJobBatch()) from
     * WebhookDeliveryFunction's template variables gets the job received from the WebhookQueue as an
     * SQS event; a job it finished is deleted, as the event source mapping does, and one it reports as
     * a batch item failure stays on the queue until the visibility timeout the function set.
     */
    public SQSBatchResponse deliverJob(String eventId) {
        Message job = queues.receiveJob("WebhookQueue", eventId);
        SQSBatchResponse response = deliveries().handle(queues.sqsEvent("webhook-delivery/job.json", "WebhookQueue",
                List.of(job)));
        if (response.getBatchItemFailures().isEmpty()) {
            queues.delete("WebhookQueue", job);
        }
        return response;
    }

    private synchronized WebhookJobBatch deliveries() {
        if (deliveries == null) {
            deliveries = functions.wiredAs("WebhookDeliveryFunction",
                    () -> FunctionWiring.fromEnvironment().webhooks().webhookJobBatch());
        }
        return deliveries;
    }

    public static List<String> batchItemFailures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private String table(String logicalId) {
        return stack.resources().tableName(logicalId);
    }
}
