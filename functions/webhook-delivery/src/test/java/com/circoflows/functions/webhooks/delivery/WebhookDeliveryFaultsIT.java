package com.circoflows.functions.webhooks.delivery;

import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.PASS;
import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** The delivery function dying mid-delivery, through the real adapters of its wiring and a real SQS job. */
@ExtendWith(HandlerStackExtension.class)
class WebhookDeliveryFaultsIT {
    private static final String FUNCTION = "WebhookDeliveryFunction";
    private static final String QUEUE = "WebhookQueue";
    private static final String JOB_SAMPLE = "webhook-delivery/job.json";
    private static HandlerStack stack;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver(HandlerStack shared) {
        stack = shared;
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void crashAfterTheMerchantGotTheWebhookBeforeItWasRecordedDeliversItAgainUnderTheSameWebhookId() {
        NewMerchant merchant = stack.merchants().newMerchant("Delivery faults");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/crash"));
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", merchant.apiKey()));
        FaultyStack faulty = new FaultyStack(stack);
        WebhookDeliveryHandler handler = new WebhookDeliveryHandler(faulty.wiring(FUNCTION).webhooks().webhookJobBatch());
        // The first UpdateItem on the events table takes the delivery lease; the second records the attempt.
        String events = faulty.table("WebhookEventsTable");
        faulty.faults().inject(PASS, "UpdateItem", events).inject(CRASH_BEFORE, "UpdateItem", events);

        Message job = stack.queues().receiveJob(QUEUE, eventId);
        SQSBatchResponse crashed = deliver(handler, job);

        faulty.assertFaultsFired();
        assertEquals(List.of(job.messageId()), batchItemFailures(crashed), "the job is not finished");
        assertEquals(1, receiver.receivedFor(eventId).size(), "the merchant got it");
        assertEquals(DeliveryStatus.PENDING, stack.webhooks().storedWebhookEvent(eventId).delivery().status());
        // SQS hands the job back once its visibility timeout passes; the dead attempt's lease has run out by then.
        stack.localStack().sqsClient().changeMessageVisibility(change -> change.queueUrl(stack.queues().queueUrl(QUEUE))
                .receiptHandle(job.receiptHandle()).visibilityTimeout(0));
        faulty.clock().advance(Duration.ofMinutes(6));

        Message again = stack.queues().receiveJob(QUEUE, eventId);
        SQSBatchResponse delivered = deliver(handler, again);

        assertTrue(batchItemFailures(delivered).isEmpty());
        stack.queues().delete(QUEUE, again);
        List<Received> received = receiver.receivedFor(eventId);
        assertEquals(2, received.size(), "at least once: the unrecorded delivery is made again");
        assertEquals(eventId, received.get(0).header("webhook-id"));
        assertEquals(eventId, received.get(1).header("webhook-id"), "the merchant deduplicates on it");
        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
        assertEquals(1, stored.delivery().attempts().size(), "the crashed attempt left no record");
    }

    private static SQSBatchResponse deliver(WebhookDeliveryHandler handler, Message job) {
        return handler.handleRequest(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)),
                LambdaInvocations.context(FUNCTION));
    }
}
