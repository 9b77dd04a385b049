package com.circoflows.functions.webhooks.events.redeliver;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RedeliverWebhookEventHandler as Lambda runs it, fed events/webhook-event-redeliver/*.json; the
 * queued job is taken off the real WebhookQueue.
 */
@ExtendWith(HandlerStackExtension.class)
class RedeliverWebhookEventHandlerIT {
    private static final String FUNCTION = "RedeliverWebhookEventFunction";

    private static HandlerStack stack;
    private static RedeliverWebhookEventHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, RedeliverWebhookEventHandler.class,
                RedeliverWebhookEventHandler::new);
    }

    @BeforeEach
    void emptyTheWebhookQueue() {
        // Purged, not drained: a job a failed delivery left in flight must not reappear in another test.
        stack.queues().purge("WebhookQueue");
    }

    @Test
    void redeliverEventQueuesAJobForTheEvent() {
        String eventId = paidEvent();
        APIGatewayV2HTTPEvent event = event("webhook-event-redeliver/redeliver.json");
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals(SampleEvents.SAMPLE_EVENT_ID, event.getPathParameters().get("event_id"));

        APIGatewayV2HTTPResponse response = invoke(withEventId(event, eventId));

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Redelivery queued", body.get("message").asText());
        assertEquals(eventId, body.get("data").get("event_id").asText());
        assertEquals("pending", body.get("data").get("delivery_status").asText());
        List<String> jobs = stack.webhooks().drainWebhookJobs();
        assertEquals(1, jobs.size(), jobs.toString());
        assertEquals(Map.of("event_id", eventId, "merchant_id", stack.merchants().sampleMerchantId(), "one_attempt", true),
                jobOf(jobs.get(0)), "a job names the event only; a pending event already has its scheduled job, "
                        + "so this one is a single attempt");
    }

    @Test
    void aFailedEventIsReopenedWithItsHistoryKeptAndDeliveredAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewMerchant merchant = stack.merchants().newMerchant("Redelivering Merchant");
            stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks"));
            String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json",
                    merchant.apiKey()));
            receiver.answer("/hooks", 500, "boom");
            stack.webhooks().deliverJob(eventId);
            // Its retries ran out: what the dead-letter function records.
            stack.webhooks().webhookEventRepository().markFailed(eventId, Instant.now(), "retries_exhausted");
            stack.webhooks().drainWebhookJobs();

            APIGatewayV2HTTPResponse response = invoke(withApiKey(withEventId(
                    event("webhook-event-redeliver/redeliver.json"), eventId), merchant.apiKey()));

            assertEquals(202, response.getStatusCode(), response.getBody());
            JsonNode data = json(response).get("data");
            assertEquals("pending", data.get("delivery_status").asText(), "failed no more");
            assertEquals(1, data.get("attempt_count").asInt(), "the failed attempt stays in the history");
            assertFalse(data.has("failed_at") || data.has("last_error"), response.getBody());

            receiver.answer("/hooks", 200, "ok");
            assertTrue(stack.webhooks().deliverJob(eventId).getBatchItemFailures().isEmpty(), "the queued job delivers it");
            StoredWebhookEvent stored = stack.webhooks().storedWebhookEvent(eventId);
            assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
            assertEquals(List.of(500, 200), stored.delivery().attempts().stream().map(a -> a.httpStatus()).toList());
            assertEquals(2, receiver.receivedFor(eventId).size());
        }
    }

    @Test
    void aDeliveredEventCanBeSentAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewMerchant merchant = stack.merchants().newMerchant("Lost Its Copy Merchant");
            stack.webhooks().setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks"));
            String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json",
                    merchant.apiKey()));
            stack.webhooks().deliverJob(eventId);
            assertEquals(DeliveryStatus.DELIVERED, stack.webhooks().storedWebhookEvent(eventId).delivery().status());

            APIGatewayV2HTTPResponse response = invoke(withApiKey(withEventId(
                    event("webhook-event-redeliver/redeliver.json"), eventId), merchant.apiKey()));

            assertEquals(202, response.getStatusCode(), response.getBody());
            assertEquals("pending", json(response).get("data").get("delivery_status").asText());
            stack.webhooks().deliverJob(eventId);
            assertEquals(2, receiver.receivedFor(eventId).size(), "the merchant received it a second time");
            assertEquals(DeliveryStatus.DELIVERED, stack.webhooks().storedWebhookEvent(eventId).delivery().status());
        }
    }

    @Test
    void notFoundEventIs404AndQueuesNothing() {
        APIGatewayV2HTTPEvent event = event("webhook-event-redeliver/not-found.json");
        assertTrue(event.getRawPath().endsWith("/redeliver"));

        assertEventNotFound(invoke(event));
        assertTrue(stack.webhooks().drainWebhookJobs().isEmpty());
    }

    @Test
    void anotherMerchantsEventIsNotFoundAndNotSent() {
        NewMerchant other = stack.merchants().newMerchant("Other Merchant");
        String theirs = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", other.apiKey()));
        stack.webhooks().drainWebhookJobs();

        assertEventNotFound(invoke(withEventId(event("webhook-event-redeliver/redeliver.json"), theirs)));
        assertTrue(stack.webhooks().drainWebhookJobs().isEmpty());
    }

    /** A pending event of the sample merchant's, whose job was taken off the queue. */
    private static String paidEvent() {
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        stack.webhooks().drainWebhookJobs();
        return eventId;
    }

    private static Map<String, Object> jobOf(String body) {
        try {
            return SampleEvents.mapper().readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static void assertEventNotFound(APIGatewayV2HTTPResponse response) {
        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("event_not_found", json(response).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
