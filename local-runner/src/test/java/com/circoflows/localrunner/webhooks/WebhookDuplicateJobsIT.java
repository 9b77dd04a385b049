package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SQS delivers at least once, and the sweeper may queue a job that is already queued: whatever the
 * number of jobs for an event, the merchant's endpoint sees one successful delivery with one webhook-id.
 */
@EndToEnd
class WebhookDuplicateJobsIT extends OnWebhookStack {
    private static final Duration QUIET = Duration.ofMillis(2500);

    @Test
    void sameJobTwiceIsDeliveredOnce() {
        Merchant merchant = stack.newMerchant("Duplicate Job Merchant");
        ReceiverServer receiver = receiver(Answering.always(200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/once")));
        merchant.paySuccessfully("874", 6100);
        String eventId = Poll.until("the first delivery", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1).get(0).webhookId();
        merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));

        stack.sendJob(eventId, merchant.merchantId());
        stack.sendJob(eventId, merchant.merchantId());
        Poll.until("both duplicate jobs consumed", Duration.ofSeconds(10), () -> stack.messagesIn("WebhookQueue"),
                count -> count == 0);
        Poll.holds("one request at the receiver", QUIET, () -> receiver.requests().size(), count -> count == 1);

        JsonNode event = merchant.event(eventId).data();
        assertEquals("delivered", event.path("delivery_status").asText(), event.toString());
        assertEquals(1, event.path("attempts").size(), "duplicates leave no attempt behind: " + event);
    }

    /**
     * An event stored without a job (as after a crash between the write and the send), then several
     * jobs for it at the same moment, in one SendMessageBatch so they tend to land in one batch that
     * the delivery function works through in parallel, while the receiver takes its time to answer;
     * the sweeper adds its own job a second later.
     */
    @Test
    void severalJobsForOnePendingEventAtOnceDeliverItOnce() {
        Merchant merchant = stack.newMerchant("Concurrent Jobs Merchant");
        ReceiverServer receiver = receiver(request -> Reply.of(200).after(Duration.ofMillis(1500)));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/concurrent")));
        String model = merchant.paySuccessfully("875", 6200);
        Poll.until("the model payment's delivery", Duration.ofSeconds(10), receiver::requests,
                requests -> requests.size() == 1);

        WebhookEvent stranded = stack.storeTransactionWithoutJob(model);
        List<SendMessageBatchRequestEntry> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(SendMessageBatchRequestEntry.builder().id("copy" + i)
                    .messageBody("{\"event_id\":\"" + stranded.eventId() + "\",\"merchant_id\":\""
                            + merchant.merchantId() + "\"}").build());
        }
        stack.sqs().sendMessageBatch(r -> r.queueUrl(stack.queueUrl("WebhookQueue")).entries(jobs));

        merchant.eventUntil(stranded.eventId(), "delivered", Duration.ofSeconds(15),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        Poll.until("every job consumed", Duration.ofSeconds(15), () -> stack.messagesIn("WebhookQueue"),
                count -> count == 0);
        Poll.holds("two requests at the receiver (model + stranded)", QUIET, () -> receiver.requests().size(),
                count -> count == 2);

        List<Received> forStranded = receiver.requests().stream()
                .filter(request -> stranded.eventId().equals(request.webhookId())).toList();
        assertEquals(1, forStranded.size(), "one POST for the event, however many jobs: " + receiver.requests());
        assertEquals(List.of(), forStranded.get(0).verification().problems());
        JsonNode body = WebhookStack.parse(forStranded.get(0).bodyText());
        assertEquals(merchant.status(stranded.transactionId()).data(), body.path("data"));
        JsonNode event = merchant.event(stranded.eventId()).data();
        assertEquals(1, event.path("attempts").size(), event.toString());
    }

    /** Extra jobs for an event that is between retries: still one success, and no attempt lost or doubled. */
    @Test
    void extraJobsForARetryingEventStillDeliverItOnce() {
        Merchant merchant = stack.newMerchant("Retrying Duplicates Merchant");
        ReceiverServer receiver = receiver(Answering.sequence(500, 200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/retrying")));
        merchant.paySuccessfully("876", 6300);
        String eventId = Poll.until("the first, refused attempt", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1).get(0).webhookId();
        merchant.eventUntil(eventId, "retrying", Duration.ofSeconds(5),
                e -> !"pending".equals(e.path("delivery_status").asText()));

        for (int i = 0; i < 3; i++) {
            stack.sendJob(eventId, merchant.merchantId());
        }
        JsonNode event = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(15),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        Poll.until("every job consumed", Duration.ofSeconds(15), () -> stack.messagesIn("WebhookQueue"),
                count -> count == 0);
        Poll.holds("two requests at the receiver", QUIET, () -> receiver.requests().size(), count -> count == 2);

        assertEquals(1, receiver.successfulDeliveries().size(), receiver.requests()::toString);
        Set<String> ids = receiver.requests().stream().map(Received::webhookId).collect(Collectors.toSet());
        assertEquals(Set.of(eventId), ids, "the merchant sees one webhook-id");
        event = merchant.event(eventId).data();
        assertEquals(2, event.path("attempts").size(), event.toString());
        assertEquals(500, event.path("attempts").get(0).path("http_status").asInt());
        assertEquals(200, event.path("attempts").get(1).path("http_status").asInt());
        assertFalse(event.has("last_error"), "a delivered event carries no error: " + event);
    }
}
