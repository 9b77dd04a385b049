package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.localrunner.webhooks.WebhookStack.Response;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Never lost: an event whose job never reached the queue (the SQS send failed, or the function died
 * between its DynamoDB write and the send) stays pending, and the scheduled sweeper queues it again.
 * A runner of its own: one test takes the webhook queue away, which no other test should see.
 */
@EndToEnd
class WebhookSweeperIT extends OnWebhookStack {
    private static final Duration QUIET = Duration.ofMillis(2500);

    /**
     * A real failed SendMessage: the webhook queue is deleted while the payment is made (the API
     * answers webhook_queued: false), then created again as the template defines it. The delivery
     * function is kept busy meanwhile (its receiver holds the answer to an earlier event), so its
     * poller is not inside a ReceiveMessage on the queue being deleted: ElasticMQ would leave such a
     * long poll hanging for 21 s.
     */
    @Test
    void sqsSendFailureIsRecoveredBySweeper() {
        Merchant merchant = stack.newMerchant("Queue Outage Merchant");
        CountDownLatch busy = new CountDownLatch(1);
        ReceiverServer receiver = receiver().answer(request -> request.number() == 1
                ? Reply.of(200).heldUntil(busy, Duration.ofSeconds(8)) : Reply.of(200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/swept")));
        String queueUrl = stack.queueUrl("WebhookQueue");
        Map<QueueAttributeName, String> template = stack.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        Map<QueueAttributeName, String> recreate = new EnumMap<>(QueueAttributeName.class);
        for (QueueAttributeName name : List.of(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.DELAY_SECONDS,
                QueueAttributeName.REDRIVE_POLICY)) {
            if (template.containsKey(name)) {
                recreate.put(name, template.get(name));
            }
        }
        String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);

        merchant.paySuccessfully("877", 7000);
        Poll.until("the delivery function busy with the first event", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1);
        String eventId;
        stack.sqs().deleteQueue(r -> r.queueUrl(queueUrl));
        try {
            Response paid = merchant.pay(CardData.SUCCESS, "880", 7100);
            assertEquals(200, paid.status(), paid::describe);
            assertEquals(false, paid.data().path("webhook_queued").asBoolean(true),
                    "the send failed and the API says so: " + paid.describe());
            eventId = merchant.eventIdFor(paid.data().path("transaction_id").asText());
            // Sweeps run (every second, 1 s grace) but cannot send either: the event waits, untouched.
            Poll.holds("event " + eventId + " pending with no attempt while the queue is gone",
                    Duration.ofMillis(1500), () -> merchant.event(eventId).data(),
                    event -> "pending".equals(event.path("delivery_status").asText())
                            && event.path("attempts").isEmpty());
        } finally {
            String recreated = stack.sqs().createQueue(r -> r.queueName(queueName).attributes(recreate)).queueUrl();
            busy.countDown();
            assertEquals(queueUrl, recreated, "the queue is back where the functions look for it");
        }
        assertEquals(recreate.get(QueueAttributeName.REDRIVE_POLICY), stack.sqs().getQueueAttributes(r -> r
                .queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes()
                .get(QueueAttributeName.REDRIVE_POLICY), "redrive policy restored");

        Received swept = Poll.until("the swept event at the receiver", Duration.ofSeconds(10), receiver::requests,
                requests -> requests.size() == 2).get(1);
        assertEquals(eventId, swept.webhookId());
        assertEquals(List.of(), swept.verification().problems());
        merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        Poll.holds("one delivery each, no duplicate from later sweeps", QUIET, () -> receiver.requests().size(),
                count -> count == 2);
    }

    /** What the create-payment function leaves when it dies after its DynamoDB write, before the send. */
    @Test
    void eventWrittenButNeverQueuedIsDeliveredBySweeper() {
        Merchant merchant = stack.newMerchant("Crashed Function Merchant");
        ReceiverServer receiver = receiver();
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/crash")));
        String model = merchant.paySuccessfully("878", 7200);
        Poll.until("the model payment's delivery", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1);

        long storedAt = System.nanoTime();
        WebhookEvent stranded = stack.storeTransactionWithoutJob(model);
        Received swept = Poll.until("the stranded event at the receiver", Duration.ofSeconds(10),
                receiver::requests, requests -> requests.size() == 2).get(1);
        System.out.printf("webhooks: stranded event delivered by the sweeper %d ms after it was stored%n",
                (System.nanoTime() - storedAt) / 1_000_000);

        assertEquals(stranded.eventId(), swept.webhookId());
        assertEquals(List.of(), swept.verification().problems());
        JsonNode body = WebhookStack.parse(swept.bodyText());
        assertEquals("payment.succeeded", body.path("type").asText());
        assertEquals(merchant.status(stranded.transactionId()).data(), body.path("data"));
        merchant.eventUntil(stranded.eventId(), "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        Poll.holds("one delivery of the stranded event", QUIET, () -> receiver.requests().size(), count -> count == 2);
    }
}
