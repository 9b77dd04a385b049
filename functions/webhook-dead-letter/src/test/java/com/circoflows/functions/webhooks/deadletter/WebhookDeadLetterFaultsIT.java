package com.circoflows.functions.webhooks.deadletter;

import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static com.circoflows.testsupport.HandlerTestEnvironment.batchItemFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The dead-letter function failing to mark an event, through the real adapters of its wiring. */
class WebhookDeadLetterFaultsIT {
    private static final String FUNCTION = "WebhookDeadLetterFunction";
    private static final String DLQ = "WebhookDeadLetterQueue";
    private static HandlerTestEnvironment environment;

    @BeforeAll
    static void startStack() {
        environment = HandlerTestEnvironment.start();
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void aDeadLetterThatCannotBeMarkedWhileDynamoDbThrottlesStaysInTheQueueAndTheNextReceiveMarksIt() {
        NewMerchant merchant = environment.newMerchant("Dead letter faults");
        environment.setWebhookEndpoint(merchant.merchantId(), HandlerTestEnvironment.LOCAL_WEBHOOK_URL);
        String eventId = environment.eventIdOf(environment.pay("direct-payment-create/success.json", merchant.apiKey()));
        environment.send(DLQ, "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\"" + merchant.merchantId() + "\"}");
        FaultyStack stack = new FaultyStack(environment);
        WebhookDeadLetterHandler handler = new WebhookDeadLetterHandler(stack.wiring(FUNCTION).deadLetterBatch());
        stack.faults().inject(THROTTLED, "UpdateItem", stack.table("WebhookEventsTable"));

        Message deadLetter = environment.receiveJob(DLQ, eventId);
        SQSBatchResponse throttled = handle(handler, deadLetter);

        stack.assertFaultsFired();
        assertEquals(List.of(deadLetter.messageId()), batchItemFailures(throttled), "kept in the DLQ");
        assertEquals(DeliveryStatus.PENDING, environment.storedWebhookEvent(eventId).delivery().status());
        environment.stack().sqsClient().changeMessageVisibility(change -> change.queueUrl(environment.queueUrl(DLQ))
                .receiptHandle(deadLetter.receiptHandle()).visibilityTimeout(0));

        Message again = environment.receiveJob(DLQ, eventId);
        SQSBatchResponse marked = handle(handler, again);

        assertTrue(batchItemFailures(marked).isEmpty());
        environment.delete(DLQ, again);
        assertEquals(DeliveryStatus.FAILED, environment.storedWebhookEvent(eventId).delivery().status(),
                "failed and redeliverable: the merchant sees it, nothing is lost");
    }

    private static SQSBatchResponse handle(WebhookDeadLetterHandler handler, Message deadLetter) {
        return handler.handleRequest(environment.sqsEvent("webhook-dead-letter/dead-letter.json", DLQ,
                List.of(deadLetter)), HandlerTestEnvironment.context(FUNCTION));
    }
}
