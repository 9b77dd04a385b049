package com.circoflows.functions.webhooks.deadletter;

import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static com.circoflows.testsupport.SampleEvents.sqsEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.config.Settings;
import com.circoflows.domain.webhook.DeliveryAttempt;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.WebhookReceiver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * WebhookDeadLetterHandler as Lambda runs it, with SQS events shaped like
 * events/webhook-dead-letter/dead-letter.json built from jobs that really went through the
 * WebhookQueue's redrive into the WebhookDeadLetterQueue.
 */
@ExtendWith(HandlerStackExtension.class)
class WebhookDeadLetterHandlerIT {
    private static final String FUNCTION = "WebhookDeadLetterFunction";
    private static final String DLQ = "WebhookDeadLetterQueue";
    private static final String SAMPLE = "webhook-dead-letter/dead-letter.json";

    private static HandlerStack stack;
    private static WebhookDeadLetterHandler handler;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, WebhookDeadLetterHandler.class, WebhookDeadLetterHandler::new);
        receiver = WebhookReceiver.start();
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), receiver.url("/hooks"));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void emptyQueuesAndAHealthyEndpoint() {
        stack.queues().purge("WebhookQueue");
        stack.queues().purge(DLQ);
        receiver.answer("/hooks", 200, "ok");
    }

    @Test
    void deadLetterEventIsLambdasSqsEventFromTheDeadLetterQueue() {
        SQSEvent event = sqsEvent(SAMPLE);

        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertTrue(record.getEventSourceArn().endsWith(":circoflows-dev-webhooks-dlq"), record.getEventSourceArn());
        assertTrue(record.getAttributes().get("DeadLetterQueueSourceArn").endsWith(":circoflows-dev-webhooks"));
        assertTrue(record.getBody().contains(SampleEvents.SAMPLE_EVENT_ID), record.getBody());
    }

    @Test
    void deadLetterEventForAnEventThatDoesNotExistIsAcknowledged() {
        SQSBatchResponse response = invoke(sqsEvent(SAMPLE));

        assertTrue(batchItemFailures(response).isEmpty(), "nothing to mark: the message is done");
    }

    @Test
    void anEventWhoseRetriesRanOutShowsFailedWithItsAttemptsKept() {
        receiver.answer("/hooks", 502, "bad gateway");
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        // One real attempt, so the event has a history (that job now waits out its retry delay) ...
        assertEquals(1, batchItemFailures(stack.webhooks().deliverJob(eventId)).size());
        // ... and a job for it that ran out of receives.
        stack.queues().send("WebhookQueue", jobBody(eventId));
        Message deadLetter = redriveToDeadLetterQueue(eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(SAMPLE, DLQ, List.of(deadLetter)));

        assertTrue(batchItemFailures(response).isEmpty());
        stack.queues().delete(DLQ, deadLetter);
        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.FAILED, stored.delivery().status());
        assertEquals("retries_exhausted", stored.delivery().lastError());
        assertNotNull(stored.delivery().failedAt());
        assertEquals(List.of(502), stored.delivery().attempts().stream().map(DeliveryAttempt::httpStatus).toList(),
                "the history stays for the merchant to read");
    }

    @Test
    void anEventDeliveredMeanwhileStaysDelivered() {
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        assertTrue(batchItemFailures(stack.webhooks().deliverJob(eventId)).isEmpty());
        stack.queues().send("WebhookQueue", jobBody(eventId));
        Message deadLetter = redriveToDeadLetterQueue(eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(SAMPLE, DLQ, List.of(deadLetter)));

        assertTrue(batchItemFailures(response).isEmpty());
        stack.queues().delete(DLQ, deadLetter);
        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
        assertEquals(1, stored.delivery().attempts().size());
    }

    @Test
    void anUnreadableDeadLetterIsAcknowledgedAndTheOthersOfTheBatchStillCount() {
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        stack.queues().send(DLQ, "not a job");
        stack.queues().send(DLQ, jobBody(eventId));
        List<Message> both = stack.queues().receive(DLQ, message -> true, 2);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(SAMPLE, DLQ, both));

        assertTrue(batchItemFailures(response).isEmpty());
        both.forEach(message -> stack.queues().delete(DLQ, message));
        assertEquals(DeliveryStatus.FAILED, stack.webhooks().storedWebhookEvent(eventId).delivery().status());
    }

    @Test
    void missingTemplateVariableFailsTheColdStart() {
        Map<String, String> incomplete = new HashMap<>(stack.functions().environment(FUNCTION));
        incomplete.remove("WEBHOOK_EVENTS_TABLE");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Settings.withEnvironment(incomplete, WebhookDeadLetterHandler::new));

        assertTrue(failure.getMessage().contains("WEBHOOK_EVENTS_TABLE"), failure.getMessage());
    }

    /**
     * What SQS does with a job that keeps failing: each receive counts, and once the count passes the
     * template's maxReceiveCount the queue moves the message to the dead-letter queue.
     */
    private static Message redriveToDeadLetterQueue(String eventId) {
        int maxReceiveCount = stack.localStack().template().queue("WebhookQueue").redrive().maxReceiveCount();
        String queueUrl = stack.queues().queueUrl("WebhookQueue");
        for (int receive = 0; receive <= maxReceiveCount + 1; receive++) {
            for (Message message : stack.localStack().sqsClient().receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages()) {
                stack.localStack().sqsClient().changeMessageVisibility(c -> c.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        return stack.queues().receiveJob(DLQ, eventId);
    }

    private static String jobBody(String eventId) {
        return "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + stack.merchants().sampleMerchantId() + "\"}";
    }

    private static SQSBatchResponse invoke(SQSEvent event) {
        return handler.handleRequest(event, LambdaInvocations.context(FUNCTION));
    }
}
