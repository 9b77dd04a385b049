package com.circoflows.functions.webhooks.delivery;

import static com.circoflows.testsupport.FaultInjector.Fault.CRASH_BEFORE;
import static com.circoflows.testsupport.FaultInjector.Fault.PASS;
import static com.circoflows.testsupport.HandlerTestEnvironment.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The delivery function dying mid-delivery, through the real adapters of its wiring and a real SQS job. */
class WebhookDeliveryFaultsIT {
    private static final String FUNCTION = "WebhookDeliveryFunction";
    private static final String QUEUE = "WebhookQueue";
    private static final String JOB_SAMPLE = "webhook-delivery/job.json";
    private static HandlerTestEnvironment environment;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStackAndReceiver() {
        environment = HandlerTestEnvironment.start();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopStack() {
        if (receiver != null) {
            receiver.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void crashAfterTheMerchantGotTheWebhookBeforeItWasRecordedDeliversItAgainUnderTheSameWebhookId() {
        NewMerchant merchant = environment.newMerchant("Delivery faults");
        environment.setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks/crash"));
        String eventId = environment.eventIdOf(environment.pay("direct-payment-create/success.json", merchant.apiKey()));
        FaultyStack stack = new FaultyStack(environment);
        WebhookDeliveryHandler handler = new WebhookDeliveryHandler(stack.wiring(FUNCTION).webhookJobBatch());
        // The first UpdateItem on the events table takes the delivery lease; the second records the attempt.
        String events = stack.table("WebhookEventsTable");
        stack.faults().inject(PASS, "UpdateItem", events).inject(CRASH_BEFORE, "UpdateItem", events);

        Message job = environment.receiveJob(QUEUE, eventId);
        SQSBatchResponse crashed = deliver(handler, job);

        stack.assertFaultsFired();
        assertEquals(List.of(job.messageId()), batchItemFailures(crashed), "the job is not finished");
        assertEquals(1, receiver.receivedFor(eventId).size(), "the merchant got it");
        assertEquals(DeliveryStatus.PENDING, environment.storedWebhookEvent(eventId).delivery().status());
        // SQS hands the job back once its visibility timeout passes; the dead attempt's lease has run out by then.
        environment.stack().sqsClient().changeMessageVisibility(change -> change.queueUrl(environment.queueUrl(QUEUE))
                .receiptHandle(job.receiptHandle()).visibilityTimeout(0));
        stack.clock().advance(Duration.ofMinutes(6));

        Message again = environment.receiveJob(QUEUE, eventId);
        SQSBatchResponse delivered = deliver(handler, again);

        assertTrue(batchItemFailures(delivered).isEmpty());
        environment.delete(QUEUE, again);
        List<Received> received = receiver.receivedFor(eventId);
        assertEquals(2, received.size(), "at least once: the unrecorded delivery is made again");
        assertEquals(eventId, received.get(0).header("webhook-id"));
        assertEquals(eventId, received.get(1).header("webhook-id"), "the merchant deduplicates on it");
        StoredWebhookEvent stored = environment.storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
        assertEquals(1, stored.delivery().attempts().size(), "the crashed attempt left no record");
    }

    private static SQSBatchResponse deliver(WebhookDeliveryHandler handler, Message job) {
        return handler.handleRequest(environment.sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)),
                HandlerTestEnvironment.context(FUNCTION));
    }
}
