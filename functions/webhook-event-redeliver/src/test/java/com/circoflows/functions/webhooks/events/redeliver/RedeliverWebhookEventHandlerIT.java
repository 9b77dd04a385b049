package com.circoflows.functions.webhooks.events.redeliver;

import static com.circoflows.testsupport.HandlerTestEnvironment.event;
import static com.circoflows.testsupport.HandlerTestEnvironment.json;
import static com.circoflows.testsupport.HandlerTestEnvironment.withApiKey;
import static com.circoflows.testsupport.HandlerTestEnvironment.withEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.webhook.StoredWebhookEvent;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.HandlerTestEnvironment;
import com.circoflows.testsupport.HandlerTestEnvironment.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RedeliverWebhookEventHandler as Lambda runs it, fed events/webhook-event-redeliver/*.json; the
 * queued job is taken off the real WebhookQueue.
 */
class RedeliverWebhookEventHandlerIT {
    private static final String FUNCTION = "RedeliverWebhookEventFunction";

    private static HandlerTestEnvironment environment;
    private static RedeliverWebhookEventHandler handler;

    @BeforeAll
    static void startStackAndConstructHandler() {
        environment = HandlerTestEnvironment.start();
        handler = environment.construct(FUNCTION, RedeliverWebhookEventHandler.class,
                RedeliverWebhookEventHandler::new);
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    @BeforeEach
    void emptyTheWebhookQueue() {
        // Purged, not drained: a job a failed delivery left in flight must not reappear in another test.
        environment.purge("WebhookQueue");
    }

    @Test
    void redeliverEventQueuesAJobForTheEvent() {
        String eventId = paidEvent();
        APIGatewayV2HTTPEvent event = event("webhook-event-redeliver/redeliver.json");
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals(HandlerTestEnvironment.SAMPLE_EVENT_ID, event.getPathParameters().get("event_id"));

        APIGatewayV2HTTPResponse response = invoke(withEventId(event, eventId));

        assertEquals(202, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        assertEquals("Redelivery queued", body.get("message").asText());
        assertEquals(eventId, body.get("data").get("event_id").asText());
        assertEquals("pending", body.get("data").get("delivery_status").asText());
        List<String> jobs = environment.drainWebhookJobs();
        assertEquals(1, jobs.size(), jobs.toString());
        assertEquals(Map.of("event_id", eventId, "merchant_id", environment.merchantId(), "one_attempt", true),
                jobOf(jobs.get(0)), "a job names the event only; a pending event already has its scheduled job, "
                        + "so this one is a single attempt");
    }

    @Test
    void aFailedEventIsReopenedWithItsHistoryKeptAndDeliveredAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewMerchant merchant = environment.newMerchant("Redelivering Merchant");
            environment.setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks"));
            String eventId = environment.eventIdOf(environment.pay("direct-payment-create/success.json",
                    merchant.apiKey()));
            receiver.answer("/hooks", 500, "boom");
            environment.deliverJob(eventId);
            // Its retries ran out: what the dead-letter function records.
            environment.webhookEventRepository().markFailed(eventId, Instant.now(), "retries_exhausted");
            environment.drainWebhookJobs();

            APIGatewayV2HTTPResponse response = invoke(withApiKey(withEventId(
                    event("webhook-event-redeliver/redeliver.json"), eventId), merchant.apiKey()));

            assertEquals(202, response.getStatusCode(), response.getBody());
            JsonNode data = json(response).get("data");
            assertEquals("pending", data.get("delivery_status").asText(), "failed no more");
            assertEquals(1, data.get("attempt_count").asInt(), "the failed attempt stays in the history");
            assertFalse(data.has("failed_at") || data.has("last_error"), response.getBody());

            receiver.answer("/hooks", 200, "ok");
            assertTrue(environment.deliverJob(eventId).getBatchItemFailures().isEmpty(), "the queued job delivers it");
            StoredWebhookEvent stored = environment.storedWebhookEvent(eventId);
            assertEquals(DeliveryStatus.DELIVERED, stored.delivery().status());
            assertEquals(List.of(500, 200), stored.delivery().attempts().stream().map(a -> a.httpStatus()).toList());
            assertEquals(2, receiver.receivedFor(eventId).size());
        }
    }

    @Test
    void aDeliveredEventCanBeSentAgain() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewMerchant merchant = environment.newMerchant("Lost Its Copy Merchant");
            environment.setWebhookEndpoint(merchant.merchantId(), receiver.url("/hooks"));
            String eventId = environment.eventIdOf(environment.pay("direct-payment-create/success.json",
                    merchant.apiKey()));
            environment.deliverJob(eventId);
            assertEquals(DeliveryStatus.DELIVERED, environment.storedWebhookEvent(eventId).delivery().status());

            APIGatewayV2HTTPResponse response = invoke(withApiKey(withEventId(
                    event("webhook-event-redeliver/redeliver.json"), eventId), merchant.apiKey()));

            assertEquals(202, response.getStatusCode(), response.getBody());
            assertEquals("pending", json(response).get("data").get("delivery_status").asText());
            environment.deliverJob(eventId);
            assertEquals(2, receiver.receivedFor(eventId).size(), "the merchant received it a second time");
            assertEquals(DeliveryStatus.DELIVERED, environment.storedWebhookEvent(eventId).delivery().status());
        }
    }

    @Test
    void notFoundEventIs404AndQueuesNothing() {
        APIGatewayV2HTTPEvent event = event("webhook-event-redeliver/not-found.json");
        assertTrue(event.getRawPath().endsWith("/redeliver"));

        assertEventNotFound(invoke(event));
        assertTrue(environment.drainWebhookJobs().isEmpty());
    }

    @Test
    void anotherMerchantsEventIsNotFoundAndNotSent() {
        NewMerchant other = environment.newMerchant("Other Merchant");
        String theirs = environment.eventIdOf(environment.pay("direct-payment-create/success.json", other.apiKey()));
        environment.drainWebhookJobs();

        assertEventNotFound(invoke(withEventId(event("webhook-event-redeliver/redeliver.json"), theirs)));
        assertTrue(environment.drainWebhookJobs().isEmpty());
    }

    /** A pending event of the sample merchant's, whose job was taken off the queue. */
    private static String paidEvent() {
        environment.setWebhookEndpoint(environment.merchantId(), HandlerTestEnvironment.LOCAL_WEBHOOK_URL);
        String eventId = environment.eventIdOf(environment.pay("direct-payment-create/success.json"));
        environment.drainWebhookJobs();
        return eventId;
    }

    private static Map<String, Object> jobOf(String body) {
        try {
            return HandlerTestEnvironment.mapper().readValue(body, new TypeReference<Map<String, Object>>() {
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
        return HandlerTestEnvironment.invoke(handler, FUNCTION, event);
    }
}
