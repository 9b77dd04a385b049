package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a data folder the local runner keeps its queues too (ElasticMQ's storage, in
 * {@code <data>/elasticmq}): a delivery job waiting in the webhook queue when the runner stops is
 * delivered by the next runner on the same folder. The sweeper's grace is an hour here, so the stored
 * job is the only way the event can be delivered.
 */
@EndToEnd
class WebhookQueueRestartIT {
    /** Long enough that the first runner is surely stopped before the job is due. */
    private static final int JOB_DELAY_SECONDS = 8;

    @Test
    void aJobWaitingInTheQueueSurvivesARestartAndIsDelivered(E2e sharedSuiteCapturesOutput, @TempDir Path dataDir) {
        LocalRunnerOptions options = new LocalRunnerOptions(0, dataDir, null, 0, 0)
                .withEnvironmentOverride("WEBHOOK_RETRY_SCHEDULE", WebhookStack.FAST_RETRY_SCHEDULE)
                .withEnvironmentOverride("WEBHOOK_SWEEP_GRACE_SECONDS", "3600")
                .withScheduleRate(Duration.ofSeconds(1));
        try (ReceiverServer receiver = ReceiverServer.start()) {
            Merchant merchant;
            WebhookEvent waiting;
            try (WebhookStack first = WebhookStack.start(options)) {
                merchant = first.newMerchant("Restarted Runner Merchant");
                receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/restart")));
                String model = merchant.paySuccessfully("881", 7400);
                Poll.until("the model payment's delivery", Duration.ofSeconds(10), receiver::requests,
                        requests -> requests.size() == 1);
                waiting = first.storeTransactionWithoutJob(model);
                String job = "{\"event_id\":\"" + waiting.eventId() + "\",\"merchant_id\":\"" + waiting.merchantId() + "\"}";
                first.sqs().sendMessage(r -> r.queueUrl(first.queueUrl("WebhookQueue")).messageBody(job)
                        .delaySeconds(JOB_DELAY_SECONDS));
            }
            assertEquals(1, receiver.requests().size(), "the job was still waiting when the runner stopped");

            try (WebhookStack second = WebhookStack.start(options)) {
                Received delivered = Poll.until("the stored job's delivery after the restart", Duration.ofSeconds(40),
                        receiver::requests, requests -> requests.size() == 2).get(1);
                assertEquals(waiting.eventId(), delivered.webhookId());
                assertEquals(List.of(), delivered.verification().problems());
                second.sameMerchant(merchant).eventUntil(waiting.eventId(), "delivered", Duration.ofSeconds(10),
                        e -> "delivered".equals(e.path("delivery_status").asText()));
            }
            assertTrue(Files.isDirectory(dataDir.resolve("elasticmq")), "the queues are stored in the data folder");
        }
    }
}
