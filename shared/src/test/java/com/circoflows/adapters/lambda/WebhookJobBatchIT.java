package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.webhook.DeadLetteredEvents;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.RetrySchedule;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookDeliveryService;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.WebhookEventRepository;
import com.circoflows.domain.webhook.WebhookEvents;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.ScriptedWebhookTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The delivery function's batch against the real local queue and tables, as the Lambda event source
 * mapping drives it: jobs are received from the WebhookQueue, handed over as an SQSEvent, and the
 * partial batch response decides what SQS keeps. Only the merchant's server is scripted.
 */
@Isolated
class WebhookJobBatchIT {
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(4);
    private static final String ENDPOINT_URL = "https://hooks.acme.example/circoflows";
    /** One second between attempts, exactly: the jitter is pinned to the scheduled value. */
    private static final RetrySchedule ONE_SECOND = RetrySchedule.parse("0s,1s,1s");

    private final SqsClient sqs = LocalStackFixture.sqs();
    private final String queueUrl = LocalStackFixture.queueUrl("WebhookQueue");
    private final String deadLetterUrl = LocalStackFixture.queueUrl("WebhookDeadLetterQueue");
    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String eventsTable = LocalStackFixture.table("WebhookEventsTable");
    private final String merchantsTable = LocalStackFixture.table("MerchantsTable");
    private final DynamoWebhookEventRepository events = new DynamoWebhookEventRepository(dynamoDb, eventsTable);
    private final DynamoWebhookEndpointRepository endpoints =
            new DynamoWebhookEndpointRepository(dynamoDb, merchantsTable);
    private final DynamoTransactionRepository transactions = new DynamoTransactionRepository(dynamoDb,
            LocalStackFixture.table("TransactionsTable"), eventsTable,
            LocalStackFixture.table("TransactionSearchTable"));
    private final ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
    private final WebhookSecret secret = WebhookSecret.generate();
    private final List<Message> toDelete = new ArrayList<>();
    private String merchant;
    private CapturedLog log;

    @BeforeEach
    void merchantWithAnEndpoint() {
        log = CapturedLog.start();
        merchant = AdapterTestData.merchantId();
        new DynamoMerchantRepository(dynamoDb, merchantsTable)
                .create(new Merchant(merchant, "Batch Merchant", AdapterTestData.CREATED_AT), secret);
        endpoints.setUrl(merchant, ENDPOINT_URL, secret);
    }

    @AfterEach
    void deleteWhatWeReceived() {
        // What the event source mapping does with the jobs a batch finished; and no job of ours is left behind.
        for (Message message : toDelete) {
            try {
                sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            } catch (RuntimeException alreadyGone) {
                // received again under a new receipt handle and deleted then
            }
        }
        log.close();
    }

    @AfterAll
    static void stopWorkers() {
        WORKERS.shutdownNow();
    }

    @Test
    void deliveredJobsAreDoneAndAFailedOneIsHandedBackAfterTheScheduledDelay() {
        WebhookEvent delivered = paymentEvent();
        WebhookEvent failing = paymentEvent();
        transport.answerEvent(failing.eventId(), ScriptedWebhookTransport.status(500));
        Map<String, Message> jobs = receiveJobs(queueUrl, Set.of(delivered.eventId(), failing.eventId()));

        SQSBatchResponse response = batch(service(ONE_SECOND, pinnedJitter(0))).handle(sqsEvent(jobs.values()));

        assertEquals(List.of(jobs.get(failing.eventId()).messageId()), failedIds(response));
        assertEquals(DeliveryStatus.DELIVERED, stored(delivered).delivery().status());
        assertEquals(DeliveryStatus.RETRYING, stored(failing).delivery().status());
        assertEquals(1, transport.requestsFor(delivered.eventId()).size());
        assertEquals(1, transport.requestsFor(failing.eventId()).size());
        toDelete.add(jobs.get(delivered.eventId()));

        assertFalse(visibleNow(failing.eventId()), "the failed job waits for its visibility timeout");
        Message again = receiveJobs(queueUrl, Set.of(failing.eventId())).get(failing.eventId());
        assertEquals(jobs.get(failing.eventId()).messageId(), again.messageId());
        assertEquals("2", again.attributesAsStrings().get("ApproximateReceiveCount"));

        SQSBatchResponse retried = batch(service(ONE_SECOND, pinnedJitter(0))).handle(sqsEvent(List.of(again)));

        assertTrue(retried.getBatchItemFailures().isEmpty());
        toDelete.add(again);
        StoredWebhookEvent after = stored(failing);
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertEquals(List.of(1, 2), after.delivery().attempts().stream().map(DeliveryAttempt::number).toList());
        assertEquals(List.of(500, 200), after.delivery().attempts().stream().map(DeliveryAttempt::httpStatus).toList());
        assertEquals(Set.of(failing.eventId()), Set.copyOf(transport.requestsFor(failing.eventId()).stream()
                .map(ScriptedWebhookTransport.Request::eventId).toList()));
    }

    @Test
    void jobWhoseDelayIsJitteredBelowOneSecondStillWaits() {
        WebhookEvent failing = paymentEvent();
        transport.answerEvent(failing.eventId(), ScriptedWebhookTransport.status(500));
        Map<String, Message> jobs = receiveJobs(queueUrl, Set.of(failing.eventId()));

        SQSBatchResponse response = batch(service(ONE_SECOND, pinnedJitter(-0.10))).handle(sqsEvent(jobs.values()));

        assertEquals(1, response.getBatchItemFailures().size());
        assertFalse(visibleNow(failing.eventId()), "0.9 s scheduled: the job must not be back at once");
    }

    @Test
    void theSameJobTwiceInOneBatchPostsOnceAndBothAreDone() {
        WebhookEvent event = paymentEvent();
        new SqsWebhookJobQueue(sqs, queueUrl).enqueue(event);
        List<Message> both = receiveAll(queueUrl, event.eventId(), 2);

        SQSBatchResponse response = batch(service(ONE_SECOND, pinnedJitter(0))).handle(sqsEvent(both));

        assertTrue(response.getBatchItemFailures().isEmpty());
        toDelete.addAll(both);
        assertEquals(1, transport.requestsFor(event.eventId()).size(), "the merchant sees the webhook-id once");
        StoredWebhookEvent after = stored(event);
        assertEquals(DeliveryStatus.DELIVERED, after.delivery().status());
        assertEquals(1, after.delivery().attempts().size());
    }

    @Test
    void unreadableJobIsDroppedAndAJobThatCouldNotBeTriedIsReportedForLater() {
        WebhookEvent event = paymentEvent();
        sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody("{\"event_id\": \"" + merchant + "-not-an-event\"}"));
        Message job = receiveJobs(queueUrl, Set.of(event.eventId())).get(event.eventId());
        Message unreadable = receiveAll(queueUrl, merchant + "-not-an-event", 1).get(0);
        WebhookEventRepository brokenTable = new DynamoWebhookEventRepository(dynamoDb, "no-such-table");
        WebhookDeliveryService broken = new WebhookDeliveryService(brokenTable, endpoints, transport,
                new WebhookSigner(), ONE_SECOND, Clock.systemUTC(), pinnedJitter(0));

        SQSBatchResponse response = batch(broken).handle(sqsEvent(List.of(unreadable, job)));

        assertEquals(List.of(job.messageId()), failedIds(response));
        assertTrue(transport.requests().isEmpty());
        assertTrue(log.text().contains("webhook_job_failed"), log.text());
        toDelete.add(unreadable);
        toDelete.add(job);
        assertEquals(DeliveryStatus.PENDING, stored(event).delivery().status(), "untouched: it will be tried again");
    }

    @Test
    void deadLetteredJobMarksItsEventFailedAndKeepsItsHistory() {
        WebhookEvent event = paymentEvent();
        Message original = receiveJobs(queueUrl, Set.of(event.eventId())).get(event.eventId());
        toDelete.add(original);
        DeliveryAttempt attempt = new DeliveryAttempt(1, AdapterTestData.PROCESSED_AT, ENDPOINT_URL, 503, null, 20,
                null);
        events.recordAttempt(event.eventId(), attempt,
                new DeliveryState(DeliveryStatus.RETRYING, List.of(attempt), null, null, "http_503"));
        // What SQS's redrive does after maxReceiveCount receives: the same body, in the DLQ.
        sqs.sendMessage(s -> s.queueUrl(deadLetterUrl).messageBody(original.body()));
        Message deadLetter = receiveJobs(deadLetterUrl, Set.of(event.eventId())).get(event.eventId());

        SQSBatchResponse response = new DeadLetterBatch(new DeadLetteredEvents(events, Clock.systemUTC()))
                .handle(sqsEvent(List.of(deadLetter)));

        assertTrue(response.getBatchItemFailures().isEmpty());
        sqs.deleteMessage(d -> d.queueUrl(deadLetterUrl).receiptHandle(deadLetter.receiptHandle()));
        StoredWebhookEvent after = stored(event);
        assertEquals(DeliveryStatus.FAILED, after.delivery().status());
        assertEquals("retries_exhausted", after.delivery().lastError());
        assertEquals(List.of(attempt), after.delivery().attempts());
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A completed payment written with its event (the outbox), and its job queued as the writer does. */
    private WebhookEvent paymentEvent() {
        Transaction transaction = AdapterTestData.completed(merchant);
        WebhookEvent event = WebhookEvents.announce(transaction, AdapterTestData.PROCESSED_AT);
        transactions.insert(transaction, event);
        new SqsWebhookJobQueue(sqs, queueUrl).enqueue(event);
        return event;
    }

    private WebhookDeliveryService service(RetrySchedule schedule, RandomGenerator jitter) {
        return new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(), schedule,
                Clock.systemUTC(), jitter);
    }

    private WebhookJobBatch batch(WebhookDeliveryService delivery) {
        return new WebhookJobBatch(delivery, sqs, queueUrl, WORKERS);
    }

    private StoredWebhookEvent stored(WebhookEvent event) {
        return events.findWithDelivery(event.eventId()).orElseThrow();
    }

    /** Receives until there is one job per event id (within 10 s); other tests' messages are put back. */
    private Map<String, Message> receiveJobs(String queue, Set<String> eventIds) {
        Map<String, Message> found = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (found.size() < eventIds.size() && System.nanoTime() < deadline) {
            for (Message message : receive(queue, 1)) {
                String id = eventIds.stream().filter(message.body()::contains).findFirst().orElse(null);
                if (id != null && !found.containsKey(id)) {
                    found.put(id, message);
                } else {
                    release(queue, message);
                }
            }
        }
        assertEquals(eventIds, found.keySet(), "jobs received from " + queue);
        return found;
    }

    private List<Message> receiveAll(String queue, String bodyMarker, int count) {
        List<Message> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (Message message : receive(queue, 1)) {
                if (message.body().contains(bodyMarker)) {
                    found.add(message);
                } else {
                    release(queue, message);
                }
            }
        }
        assertEquals(count, found.size(), "messages for " + bodyMarker);
        return found;
    }

    /** Whether the job for {@code eventId} can be received right now (it stays hidden if it can't). */
    private boolean visibleNow(String eventId) {
        for (Message message : receive(queueUrl, 0)) {
            if (message.body().contains(eventId)) {
                toDelete.add(message);
                return true;
            }
            release(queueUrl, message);
        }
        return false;
    }

    private List<Message> receive(String queue, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNamesWithStrings("All")).messages();
    }

    private void release(String queue, Message message) {
        sqs.changeMessageVisibility(c -> c.queueUrl(queue).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }

    /** What the event source mapping hands the function. */
    private static SQSEvent sqsEvent(Collection<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            record.setEventSource("aws:sqs");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** Jitter that always picks {@code fraction} (0 = exactly the scheduled delay, -0.1 = 10% early). */
    static RandomGenerator pinnedJitter(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return fraction;
            }
        };
    }
}
