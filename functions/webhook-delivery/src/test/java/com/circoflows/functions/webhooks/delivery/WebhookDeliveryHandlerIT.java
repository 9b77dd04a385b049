package com.circoflows.functions.webhooks.delivery;

import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static com.circoflows.testsupport.SampleEvents.sqsEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Received;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * WebhookDeliveryHandler as Lambda runs it: template environment, no-arg constructor, and SQS events
 * shaped like events/webhook-delivery/job.json built from jobs really received from the WebhookQueue
 * (so the receipt handles the function uses to reschedule a retry are real). The merchant's server is
 * an HTTP server on 127.0.0.1; signatures are checked with an HMAC computed here, not by our signer.
 */
@ExtendWith(HandlerStackExtension.class)
class WebhookDeliveryHandlerIT {
    private static final String FUNCTION = "WebhookDeliveryFunction";
    private static final String QUEUE = "WebhookQueue";
    private static final String JOB_SAMPLE = "webhook-delivery/job.json";

    private static HandlerStack stack;
    private static WebhookDeliveryHandler handler;
    private static WebhookReceiver receiver;
    private static String secret;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, WebhookDeliveryHandler.class, WebhookDeliveryHandler::new);
        receiver = WebhookReceiver.start();
        secret = stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), receiver.url("/hooks")).value();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void freshQueueAndAHealthyEndpoint() {
        stack.queues().purge(QUEUE);
        receiver.answer("/hooks", 200, "{\"received\":true}");
    }

    @Test
    void jobEventIsLambdasSqsEventForOneWebhookJob() {
        SQSEvent event = sqsEvent(JOB_SAMPLE);

        assertEquals(1, event.getRecords().size());
        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertEquals("aws:sqs", record.getEventSource());
        assertTrue(record.getEventSourceArn().endsWith(":circoflows-dev-webhooks"), record.getEventSourceArn());
        assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
        assertTrue(record.getBody().contains(SampleEvents.SAMPLE_EVENT_ID), record.getBody());
        assertTrue(record.getBody().contains(SampleEvents.SAMPLE_JOB_MERCHANT_ID), record.getBody());
    }

    @Test
    void jobEventForAnEventThatDoesNotExistIsAcknowledgedAndPostsNothing() {
        int before = receiver.received().size();

        SQSBatchResponse response = invoke(sqsEvent(JOB_SAMPLE));

        assertTrue(batchItemFailures(response).isEmpty(), "nothing to deliver: the job is done");
        assertEquals(before, receiver.received().size());
    }

    @Test
    void aPaymentsEventIsPostedSignedWithTheMerchantsSecretAndShowsDelivered() throws Exception {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json");
        String eventId = stack.webhooks().eventIdOf(payment);
        Message job = stack.queues().receiveJob(QUEUE, eventId);
        SQSEvent event = stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job));
        assertEquals("1", event.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));

        long before = Instant.now().getEpochSecond();
        SQSBatchResponse response = invoke(event);

        assertTrue(batchItemFailures(response).isEmpty(), "delivered: the job is done");
        stack.queues().delete(QUEUE, job);
        List<Received> posts = receiver.receivedFor(eventId);
        assertEquals(1, posts.size());
        Received post = posts.get(0);
        assertEquals("POST", post.method());
        assertEquals("/hooks", post.path());
        assertEquals("application/json", post.header("content-type"));
        assertEquals("CircoFlows-Webhooks/1.0", post.header("user-agent"));

        JsonNode body = SampleEvents.mapper().readTree(post.body());
        assertEquals(eventId, body.get("id").asText());
        assertEquals("payment.succeeded", body.get("type").asText());
        Instant.parse(body.get("created_at").asText());
        assertEquals(payment.transactionId(), body.get("data").get("transaction_id").asText());
        assertEquals("completed", body.get("data").get("status").asText());
        assertEquals(1000, body.get("data").get("amount").asLong());
        assertFalse(post.body().contains("4242424242424242"));

        // The reference scheme: hex HMAC-SHA256 of the raw body, keyed with the secret as shown (whsec_… included).
        assertEquals(hex(hmac(secret.getBytes(StandardCharsets.UTF_8), post.body())), post.header("x-webhook-signature"));
        assertNotEquals(hex(hmac("whsec_someone-else".getBytes(StandardCharsets.UTF_8), post.body())),
                post.header("x-webhook-signature"));
        // Standard Webhooks: v1,base64(HMAC-SHA256(key bytes, id.timestamp.body)).
        assertEquals(eventId, post.header("webhook-id"));
        long timestamp = Long.parseLong(post.header("webhook-timestamp"));
        assertTrue(timestamp >= before - 1 && timestamp <= Instant.now().getEpochSecond() + 1, "timestamp " + timestamp);
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        assertEquals("v1," + Base64.getEncoder().encodeToString(hmac(key, eventId + "." + timestamp + "." + post.body())),
                post.header("webhook-signature"));

        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
        assertNotNull(stored.delivery().deliveredAt());
        assertEquals(1, stored.delivery().attempts().size());
        DeliveryAttempt attempt = stored.delivery().attempts().get(0);
        assertEquals(200, attempt.httpStatus());
        assertEquals(receiver.url("/hooks"), attempt.url());
        assertNull(attempt.error());
    }

    @Test
    void theSameJobAgainAfterDeliveryPostsNothingMore() {
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        Message job = stack.queues().receiveJob(QUEUE, eventId);
        assertTrue(batchItemFailures(invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)))).isEmpty());
        stack.queues().delete(QUEUE, job);
        // A duplicate job (the sweeper, or SQS's at-least-once delivery).
        stack.queues().send(QUEUE, job.body());
        Message duplicate = stack.queues().receiveJob(QUEUE, eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(duplicate)));

        assertTrue(batchItemFailures(response).isEmpty());
        stack.queues().delete(QUEUE, duplicate);
        assertEquals(1, receiver.receivedFor(eventId).size(), "the merchant sees each event once");
        assertEquals(1, stack.webhooks().storedWebhookEvent(eventId).delivery().attempts().size());
    }

    @Test
    void anEndpointAnswering500MakesTheHandlerHandTheJobBackForTheNextScheduledAttempt() {
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        receiver.answer("/hooks", 500, "internal error");
        Message job = stack.queues().receiveJob(QUEUE, eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)));

        assertEquals(List.of(job.messageId()), batchItemFailures(response), "retry this one");
        StoredWebhookEvent retrying = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.RETRYING, retrying.delivery().status());
        assertEquals("http_500", retrying.delivery().lastError());
        assertEquals(500, retrying.delivery().attempts().get(0).httpStatus());
        assertEquals("internal error", retrying.delivery().attempts().get(0).responseSnippet());

        // The template schedules attempt 2 five seconds (±10%) later: SQS hands the job back then, not at once.
        long handedBack = System.nanoTime();
        receiver.answer("/hooks", 200, "ok");
        Message again = stack.queues().receiveJob(QUEUE, eventId);
        double waitedSeconds = (System.nanoTime() - handedBack) / 1e9;
        assertTrue(waitedSeconds > 2.5, "handed back after " + waitedSeconds + " s");
        assertEquals(job.messageId(), again.messageId());
        assertEquals("2", again.attributesAsStrings().get("ApproximateReceiveCount"));

        SQSBatchResponse retried = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(again)));

        assertTrue(batchItemFailures(retried).isEmpty());
        stack.queues().delete(QUEUE, again);
        StoredWebhookEvent delivered = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.DELIVERED, delivered.delivery().status());
        assertEquals(List.of(500, 200), delivered.delivery().attempts().stream().map(DeliveryAttempt::httpStatus)
                .toList());
        assertEquals(2, receiver.receivedFor(eventId).size());
    }

    @Test
    void inABatchOnlyTheJobWhoseEndpointFailedIsReported() {
        NewMerchant broken = stack.merchants().newMerchant("Broken Endpoint Merchant");
        stack.webhooks().setWebhookEndpoint(broken.merchantId(), receiver.url("/broken"));
        receiver.answer("/broken", 503, "");
        String healthy = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        String failing = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", broken.apiKey()));
        Message healthyJob = stack.queues().receiveJob(QUEUE, healthy);
        Message failingJob = stack.queues().receiveJob(QUEUE, failing);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(healthyJob, failingJob)));

        assertEquals(List.of(failingJob.messageId()), batchItemFailures(response));
        stack.queues().delete(QUEUE, healthyJob);
        assertEquals(DeliveryStatus.DELIVERED, stack.webhooks().storedWebhookEvent(healthy).delivery().status());
        assertEquals(DeliveryStatus.RETRYING, stack.webhooks().storedWebhookEvent(failing).delivery().status());
    }

    @Test
    void anEndpointAnswering410IsDisabledAndTheEventFailsForGood() {
        NewMerchant retired = stack.merchants().newMerchant("Retired Endpoint Merchant");
        stack.webhooks().setWebhookEndpoint(retired.merchantId(), receiver.url("/retired"));
        receiver.answer("/retired", 410, "gone");
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", retired.apiKey()));
        Message job = stack.queues().receiveJob(QUEUE, eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)));

        assertTrue(batchItemFailures(response).isEmpty(), "no retry for a retired endpoint");
        stack.queues().delete(QUEUE, job);
        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.FAILED, stored.delivery().status());
        assertTrue(stored.delivery().lastError().startsWith("gone"), stored.delivery().lastError());
        assertTrue(stack.webhooks().webhookEndpoint(retired.merchantId()).orElseThrow().disabled());
    }

    @Test
    void aMerchantWithoutAnEndpointGetsAFailedEventSayingHowToSetOne() {
        NewMerchant merchant = stack.merchants().newMerchant("No Endpoint Merchant");
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", merchant.apiKey()));

        StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
        assertEquals(DeliveryStatus.FAILED, stored.delivery().status(), "recorded with nowhere to go");
        assertTrue(stored.delivery().lastError().contains("PUT /api/webhook-endpoint"), stored.delivery().lastError());
        assertTrue(stored.delivery().attempts().isEmpty(), "never attempted");
        assertTrue(stack.webhooks().drainWebhookJobs().stream().noneMatch(job -> job.contains(eventId)), "no job queued");
    }

    @Test
    void anEndpointInsideTheNetworkIsNeverCalledEvenInLocalMode() {
        NewMerchant merchant = stack.merchants().newMerchant("Metadata Endpoint Merchant");
        // Stored directly: PUT /api/webhook-endpoint would have refused it.
        stack.webhooks().setWebhookEndpoint(merchant.merchantId(), "https://169.254.169.254/latest/meta-data/");
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", merchant.apiKey()));
        Message job = stack.queues().receiveJob(QUEUE, eventId);

        SQSBatchResponse response = invoke(stack.queues().sqsEvent(JOB_SAMPLE, QUEUE, List.of(job)));

        assertEquals(List.of(job.messageId()), batchItemFailures(response));
        DeliveryAttempt attempt = stack.webhooks().storedWebhookEvent(eventId).delivery().attempts().get(0);
        assertNull(attempt.httpStatus(), "no connection was made");
        assertTrue(attempt.error().startsWith("invalid_url") || attempt.error().startsWith("ssrf_blocked"),
                attempt.error());
    }

    @Test
    void missingTemplateVariableFailsTheColdStart() {
        Map<String, String> incomplete = new HashMap<>(stack.functions().environment(FUNCTION));
        incomplete.remove("WEBHOOK_RETRY_SCHEDULE");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Settings.withEnvironment(incomplete, WebhookDeliveryHandler::new));

        assertTrue(failure.getMessage().contains("WEBHOOK_RETRY_SCHEDULE"), failure.getMessage());
    }

    private static SQSBatchResponse invoke(SQSEvent event) {
        return handler.handleRequest(event, LambdaInvocations.context(FUNCTION));
    }

    private static byte[] hmac(byte[] key, String content) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
