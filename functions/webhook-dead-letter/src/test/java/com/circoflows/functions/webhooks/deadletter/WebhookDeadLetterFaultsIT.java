package com.circoflows.functions.webhooks.deadletter;

import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** The dead-letter function failing to mark an event, through the real adapters of its wiring. */
@ExtendWith(HandlerStackExtension.class)
class WebhookDeadLetterFaultsIT {
    private static final String FUNCTION = "WebhookDeadLetterFunction";
    private static final String DLQ = "WebhookDeadLetterQueue";
    private static HandlerStack stack;

    @BeforeAll
    static void useTheSharedStack(HandlerStack shared) {
        stack = shared;
    }

    @Test
    void aDeadLetterThatCannotBeMarkedWhileDynamoDbThrottlesStaysInTheQueueAndTheNextReceiveMarksIt() {
        NewMerchant merchant = stack.merchants().newMerchant("Dead letter faults");
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", merchant.apiKey()));
        stack.queues().send(DLQ, "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + merchant.merchantId() + "\"}");
        FaultyStack faulty = new FaultyStack(stack);
        WebhookDeadLetterHandler handler = new WebhookDeadLetterHandler(faulty.wiring(FUNCTION).webhooks().deadLetterBatch());
        faulty.faults().inject(THROTTLED, "UpdateItem", faulty.table("WebhookEventsTable"));

        Message deadLetter = stack.queues().receiveJob(DLQ, eventId);
        SQSBatchResponse throttled = handle(handler, deadLetter);

        faulty.assertFaultsFired();
        assertEquals(List.of(deadLetter.messageId()), batchItemFailures(throttled), "kept in the DLQ");
        assertEquals(DeliveryStatus.PENDING, stack.webhooks().storedWebhookEvent(eventId).delivery().status());
        stack.localStack().sqsClient().changeMessageVisibility(change -> change.queueUrl(stack.queues().queueUrl(DLQ))
                .receiptHandle(deadLetter.receiptHandle()).visibilityTimeout(0));

        Message again = stack.queues().receiveJob(DLQ, eventId);
        SQSBatchResponse marked = handle(handler, again);

        assertTrue(batchItemFailures(marked).isEmpty());
        stack.queues().delete(DLQ, again);
        assertEquals(DeliveryStatus.FAILED, stack.webhooks().storedWebhookEvent(eventId).delivery().status(),
                "failed and redeliverable: the merchant sees it, nothing is lost");
    }

    private static SQSBatchResponse handle(WebhookDeadLetterHandler handler, Message deadLetter) {
        return handler.handleRequest(stack.queues().sqsEvent("webhook-dead-letter/dead-letter.json", DLQ,
                List.of(deadLetter)), LambdaInvocations.context(FUNCTION));
    }
}
