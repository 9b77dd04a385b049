package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Retries survive a lost queue: the local runner's queue lives in memory unless it has a data folder,
 * so the job of an event in the middle of its retries can vanish with the runner (here: the queue is
 * purged). The event itself says when its job is due back; the sweeper resumes the retries once that
 * is overdue by its grace. A runner of its own, with a 3 s grace: long after the first attempt, so
 * the sweep of never-attempted events cannot be what delivers the event.
 */
@EndToEnd
class WebhookLostRetryIT extends OnWebhookStack {
    private static final Duration QUIET = Duration.ofMillis(5000);

    @Override
    protected LocalRunnerOptions options() {
        return WebhookStack.fastOptions().withEnvironmentOverride("WEBHOOK_SWEEP_GRACE_SECONDS", "3");
    }

    /**
     * The webhook queue is purged while the first attempt is under way, so the job that would have
     * brought the event back is gone. Once its next attempt is overdue by the grace, the sweeper resumes
     * the retries where the schedule stood, and the event is delivered, once more and no more.
     */
    @Test
    void retryingEventWhoseJobWasPurgedIsDeliveredBySweeper(E2e sharedSuite) {
        Merchant merchant = stack.newMerchant("Purged Queue Merchant");
        CountDownLatch firstAttemptUnderWay = new CountDownLatch(1);
        ReceiverServer receiver = receiver().answer(request -> request.number() == 1
                ? Reply.of(503).heldUntil(firstAttemptUnderWay, Duration.ofSeconds(8)) : Reply.of(200));
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/purged")));

        String eventId = merchant.eventIdFor(merchant.paySuccessfully("879", 7300));
        Poll.until("the first attempt at the receiver", Duration.ofSeconds(10), receiver::requests,
                requests -> requests.size() == 1);
        stack.sqs().purgeQueue(r -> r.queueUrl(stack.queueUrl("WebhookQueue")));
        assertEquals(0, stack.messagesIn("WebhookQueue"), "the job is gone, in flight as it was");
        firstAttemptUnderWay.countDown();

        JsonNode retrying = merchant.eventUntil(eventId, "retrying after its first attempt", Duration.ofSeconds(10),
                e -> e.path("attempts").size() == 1 && "retrying".equals(e.path("delivery_status").asText()));
        assertEquals(503, retrying.path("attempts").get(0).path("http_status").asInt(), retrying.toString());
        Received resumed = Poll.until("the resumed retry at the receiver", Duration.ofSeconds(15),
                receiver::requests, requests -> requests.size() == 2).get(1);
        assertEquals(eventId, resumed.webhookId());
        assertEquals(List.of(), resumed.verification().problems());
        JsonNode delivered = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertEquals(2, delivered.path("attempts").size(), delivered.toString());
        Poll.holds("one resumed delivery, no second chain", QUIET, () -> receiver.requests().size(),
                count -> count == 2);
        Poll.until("the sweeper's resume of " + eventId + " in captured.log", Duration.ofSeconds(5),
                () -> read(sharedSuite.capturedLog()), log -> log.lines().anyMatch(line ->
                        line.contains("\"sweeper_resumed_retries\"") && line.contains(eventId)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
