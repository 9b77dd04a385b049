package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.DeliveryState;
import com.circoflows.domain.webhook.NextAttempt;
import com.circoflows.domain.webhook.RetrySchedule;
import com.circoflows.domain.webhook.WebhookDeliveryService;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryWebhookEndpointRepository;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.ScriptedWebhookTransport;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The batch's bookkeeping with an SQS client that records the visibility it is asked to set. */
@Isolated
class WebhookJobBatchTest {
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(4);
    private static final String MERCHANT = PaymentWorld.MERCHANT_A.merchantId();
    private static final String QUEUE_URL = "http://localhost:9324/000000000000/webhooks";

    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    private final ScriptedWebhookTransport transport = new ScriptedWebhookTransport();
    private final RecordingSqsClient sqs = new RecordingSqsClient();
    private final CapturedLog log = CapturedLog.start();

    WebhookJobBatchTest() {
        endpoints.put(new WebhookEndpoint(MERCHANT, "https://hooks.acme.example/in", WebhookSecret.generate(), null,
                null, false, null));
    }

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @AfterAll
    static void stopWorkers() {
        WORKERS.shutdownNow();
    }

    @Test
    void doneJobsAreNotReportedAndRetriesAreReportedWithTheirVisibilitySet() {
        WebhookEvent ok = stored();
        WebhookEvent failing = stored();
        transport.answerEvent(failing.eventId(), ScriptedWebhookTransport.status(500));

        SQSBatchResponse response = batch(RetrySchedule.parse("0s,30s"), pinned(0))
                .handle(event(message("m-ok", ok.eventId(), 1), message("m-fail", failing.eventId(), 1)));

        assertEquals(List.of("m-fail"), failedIds(response));
        ChangeMessageVisibilityRequest change = sqs.visibilityChanges().get(0);
        assertEquals(1, sqs.visibilityChanges().size());
        assertEquals(QUEUE_URL, change.queueUrl());
        assertEquals("rh-m-fail", change.receiptHandle());
        assertEquals(30, change.visibilityTimeout());
        assertEquals(DeliveryStatus.DELIVERED, events.stored(ok.eventId()).delivery().status());
    }

    @ParameterizedTest(name = "receive {0}")
    @CsvSource({"1, 5", "2, 300", "7, 42900"})
    void receiveCountPicksTheNextAttemptsDelay(int receiveCount, int expectedSeconds) {
        WebhookEvent failing = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(503));

        batch(RetrySchedule.production(), pinned(0)).handle(event(message("m", failing.eventId(), receiveCount)));

        assertEquals(expectedSeconds, sqs.visibilityChanges().get(0).visibilityTimeout());
    }

    @Test
    void missingReceiveCountIsTheFirstReceive() {
        WebhookEvent failing = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(503));
        SQSEvent.SQSMessage message = message("m", failing.eventId(), 1);
        message.setAttributes(null);

        batch(RetrySchedule.production(), pinned(0)).handle(event(message));

        assertEquals(5, sqs.visibilityChanges().get(0).visibilityTimeout());
    }

    @Test
    void unreadableJobsAreDroppedWithoutTouchingAnything() {
        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0)).handle(event(
                raw("a", "not json"), raw("b", "{\"event_id\": 42}"), raw("c", "{\"event_id\": \"txn_1\"}"),
                raw("d", "{}"), raw("e", null)));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertTrue(transport.requests().isEmpty());
        assertTrue(sqs.visibilityChanges().isEmpty());
        assertTrue(log.text().contains("webhook_job_unreadable"), log.text());
    }

    @Test
    void emptyBatchHasNoFailures() {
        assertTrue(batch(RetrySchedule.production(), pinned(0)).handle(new SQSEvent()).getBatchItemFailures()
                .isEmpty());
    }

    @Test
    void storeFailureIsReportedAndLeavesTheQueuesOwnVisibility() {
        WebhookEvent event = stored();
        events.failWith(new IllegalStateException("DynamoDB GetItem rejected"));

        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0))
                .handle(event(message("m", event.eventId(), 1)));

        assertEquals(List.of("m"), failedIds(response));
        assertTrue(sqs.visibilityChanges().isEmpty());
    }

    @Test
    void visibilityChangeThatFailsStillReportsTheJob() {
        WebhookEvent event = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));
        sqs.failWith(SqsException.builder().message("ReceiptHandleIsInvalid").statusCode(400).build());

        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0))
                .handle(event(message("m", event.eventId(), 1)));

        assertEquals(List.of("m"), failedIds(response));
    }

    @Test
    void exhaustedScheduleComesBackInOneSecondForTheDeadLetterQueue() {
        WebhookEvent event = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));

        batch(RetrySchedule.parse("0s,5s"), pinned(0)).handle(event(message("m", event.eventId(), 2)));

        assertEquals(1, sqs.visibilityChanges().get(0).visibilityTimeout());
    }

    @Test
    void twelveHourRetryStaysWithinSqsLimitCountedFromTheReceive() {
        WebhookEvent event = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));

        batch(RetrySchedule.production(), pinned(0.10)).handle(event(message("m", event.eventId(), 7)));

        int visibility = sqs.visibilityChanges().get(0).visibilityTimeout();
        assertTrue(visibility <= 43_200 - 60,
                "visibility " + visibility + " s leaves no room for the time since the receive");
    }

    @Test
    void failedOneAttemptJobIsFinishedWithoutAVisibilityChange() {
        WebhookEvent event = stored();
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(500));
        SQSEvent.SQSMessage oneAttempt = raw("m", "{\"event_id\":\"" + event.eventId() + "\",\"merchant_id\":\""
                + MERCHANT + "\",\"one_attempt\":true}");
        oneAttempt.setAttributes(Map.of("ApproximateReceiveCount", "1"));

        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0)).handle(event(oneAttempt));

        assertEquals(List.of(), failedIds(response), "deleted: it must not start a retry chain of its own");
        assertTrue(sqs.visibilityChanges().isEmpty());
        assertEquals(1, events.stored(event.eventId()).delivery().attempts().size(), "the attempt is recorded");
        assertEquals(DeliveryStatus.RETRYING, events.stored(event.eventId()).delivery().status());
    }

    @Test
    void deliveredJobNeedsNoSqsCall() {
        WebhookEvent event = stored();

        batch(RetrySchedule.production(), pinned(0)).handle(event(message("m", event.eventId(), 1)));

        assertTrue(sqs.visibilityChanges().isEmpty());
    }

    @Test
    void resumedJobGoesOnFromWhereItsChainStoodInTheSchedule() {
        WebhookEvent event = retryingResumedAs("chn_resumed0000000", 2);
        transport.otherwiseAnswer(ScriptedWebhookTransport.status(503));

        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0))
                .handle(event(resumedMessage("m", event.eventId(), "chn_resumed0000000", 2, 1)));

        assertEquals(List.of("m"), failedIds(response));
        assertEquals(1800, sqs.visibilityChanges().get(0).visibilityTimeout(),
                "attempt 3 of the schedule failed: 30 min before the 4th");
    }

    @Test
    void jobOfAChainTheSweeperReplacedIsDeletedWithoutPosting() {
        WebhookEvent event = retryingResumedAs("chn_resumed0000000", 2);

        SQSBatchResponse response = batch(RetrySchedule.production(), pinned(0))
                .handle(event(message("original", event.eventId(), 3),
                        resumedMessage("older-resume", event.eventId(), "chn_replaced000000", 1, 1)));

        assertEquals(List.of(), failedIds(response), "both deleted: the current chain's job carries the schedule");
        assertTrue(transport.requests().isEmpty());
        assertTrue(sqs.visibilityChanges().isEmpty());
        assertEquals(1, events.stored(event.eventId()).delivery().attempts().size());
    }

    /** An event with one failed attempt whose job was lost, resumed by the sweeper as {@code chainId}. */
    private WebhookEvent retryingResumedAs(String chainId, int schedulePosition) {
        WebhookEvent event = stored();
        DeliveryAttempt failed = new DeliveryAttempt(1, TestClocks.NOW, "https://hooks.acme.example/in", 500, null, 5,
                null);
        events.recordAttempt(event.eventId(), failed, new DeliveryState(DeliveryStatus.RETRYING, List.of(failed), null,
                null, "http_500"), new NextAttempt(schedulePosition, TestClocks.NOW.minusSeconds(600)));
        assertTrue(events.resumeChain(event.eventId(), TestClocks.NOW.minusSeconds(600), chainId, TestClocks.NOW));
        return event;
    }

    private static SQSEvent.SQSMessage resumedMessage(String id, String eventId, String chainId, int schedulePosition,
            int receiveCount) {
        SQSEvent.SQSMessage message = raw(id, "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + MERCHANT
                + "\",\"retry_chain\":\"" + chainId + "\",\"schedule_position\":" + schedulePosition + "}");
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return message;
    }

    // --- helpers ------------------------------------------------------------------------------

    private WebhookEvent stored() {
        WebhookEvent event = WebhookTestEvents.pending(MERCHANT, TestClocks.NOW);
        events.add(event);
        return event;
    }

    private WebhookJobBatch batch(RetrySchedule schedule, RandomGenerator jitter) {
        WebhookDeliveryService delivery = new WebhookDeliveryService(events, endpoints, transport, new WebhookSigner(),
                schedule, TestClocks.fixed(), jitter);
        return new WebhookJobBatch(delivery, sqs, QUEUE_URL, WORKERS);
    }

    private static SQSEvent.SQSMessage message(String id, String eventId, int receiveCount) {
        SQSEvent.SQSMessage message = raw(id, "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + MERCHANT + "\"}");
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return message;
    }

    private static SQSEvent.SQSMessage raw(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle("rh-" + id);
        message.setBody(body);
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(messages)));
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static RandomGenerator pinned(double fraction) {
        return WebhookJobBatchIT.pinnedJitter(fraction);
    }
}
