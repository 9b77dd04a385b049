package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.webhook.DeadLetteredEvents;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryWebhookEventRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.WebhookTestEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class DeadLetterBatchTest {
    private final InMemoryWebhookEventRepository events = new InMemoryWebhookEventRepository();
    private final DeadLetterBatch batch = new DeadLetterBatch(new DeadLetteredEvents(events, TestClocks.fixed()));
    private final CapturedLog log = CapturedLog.start();

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void everyDeadLetteredJobMarksItsEventFailed() {
        WebhookEvent first = stored();
        WebhookEvent second = stored();

        SQSBatchResponse response = batch.handle(event(job("a", first.eventId()), job("b", second.eventId())));

        assertTrue(response.getBatchItemFailures().isEmpty());
        for (WebhookEvent e : List.of(first, second)) {
            assertEquals(DeliveryStatus.FAILED, events.stored(e.eventId()).delivery().status());
            assertEquals(TestClocks.NOW, events.stored(e.eventId()).delivery().failedAt());
            assertEquals("retries_exhausted", events.stored(e.eventId()).delivery().lastError());
        }
    }

    @Test
    void unreadableMessagesAreDroppedAndUnknownEventsIgnored() {
        SQSBatchResponse response = batch.handle(event(job("a", null), job("b", "evt_000000000000000000000000")));

        assertTrue(response.getBatchItemFailures().isEmpty());
    }

    @Test
    void messageStaysInTheDeadLetterQueueWhenTheEventCannotBeMarked() {
        WebhookEvent event = stored();
        events.failWith(new RetryableFailure("DynamoDB UpdateItem failed: ProvisionedThroughputExceededException",
                null));

        SQSBatchResponse response = batch.handle(event(job("a", event.eventId())));

        assertEquals(List.of("a"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    }

    @Test
    void noRecordsNoFailures() {
        assertTrue(batch.handle(new SQSEvent()).getBatchItemFailures().isEmpty());
    }

    private WebhookEvent stored() {
        WebhookEvent event = WebhookTestEvents.pending(PaymentWorld.MERCHANT_A.merchantId(), TestClocks.NOW);
        events.add(event);
        return event;
    }

    private static SQSEvent.SQSMessage job(String id, String eventId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle("rh-" + id);
        message.setBody(eventId == null ? "garbage" : "{\"event_id\":\"" + eventId + "\"}");
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(messages)));
        return event;
    }
}
