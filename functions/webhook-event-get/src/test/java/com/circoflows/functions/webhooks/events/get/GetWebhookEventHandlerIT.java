package com.circoflows.functions.webhooks.events.get;

import static com.circoflows.testsupport.TestWebhooks.batchItemFailures;
import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GetWebhookEventHandler as Lambda runs it, fed events/webhook-event-get/*.json. Delivery attempts
 * come from the delivery function's own wiring posting to a receiver on 127.0.0.1.
 */
@ExtendWith(HandlerStackExtension.class)
class GetWebhookEventHandlerIT {
    private static final String FUNCTION = "GetWebhookEventFunction";

    private static HandlerStack stack;
    private static GetWebhookEventHandler handler;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, GetWebhookEventHandler.class, GetWebhookEventHandler::new);
        receiver = WebhookReceiver.start();
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), receiver.url("/hooks"));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void receiverAccepts() {
        receiver.answer("/hooks", 200, "{\"received\":true}");
    }

    @Test
    void foundEventShowsTheEventItsFrozenPaymentDataAndNoAttemptsBeforeDelivery() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json");
        String eventId = stack.webhooks().eventIdOf(payment);
        APIGatewayV2HTTPEvent event = event("webhook-event-get/found.json");
        assertEquals(SampleEvents.SAMPLE_EVENT_ID, event.getPathParameters().get("event_id"));

        APIGatewayV2HTTPResponse response = invoke(withEventId(event, eventId));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("1000", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        JsonNode data = body.get("data");
        assertEquals(eventId, data.get("event_id").asText());
        assertEquals("payment.succeeded", data.get("type").asText());
        assertEquals(payment.transactionId(), data.get("transaction_id").asText());
        assertEquals("pending", data.get("delivery_status").asText());
        assertEquals(0, data.get("attempt_count").asInt());
        assertEquals(0, data.get("attempts").size());
        Instant.parse(data.get("created_at").asText());
        assertFalse(data.has("target_url"), "the payment had no webhook_url: the merchant's endpoint receives it");
        JsonNode paymentData = data.get("data");
        assertEquals(payment.transactionId(), paymentData.get("transaction_id").asText());
        assertEquals("completed", paymentData.get("status").asText());
        assertEquals(1000, paymentData.get("amount").asLong());
        assertEquals("4242", paymentData.get("card").get("last4").asText());
        assertFalse(response.getBody().contains("4242424242424242"));
    }

    @Test
    void foundEventShowsEveryDeliveryAttemptWithTheEndpointsAnswer() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json");
        String eventId = stack.webhooks().eventIdOf(payment);
        receiver.answer("/hooks", 503, "down for maintenance");

        assertEquals(1, batchItemFailures(stack.webhooks().deliverJob(eventId)).size(), "503: retried later");

        APIGatewayV2HTTPResponse retrying = invoke(withEventId(event("webhook-event-get/found.json"), eventId));

        assertEquals(200, retrying.getStatusCode(), retrying.getBody());
        JsonNode data = json(retrying).get("data");
        assertEquals("retrying", data.get("delivery_status").asText());
        assertEquals(1, data.get("attempt_count").asInt());
        assertEquals("http_503", data.get("last_error").asText());
        JsonNode attempt = data.get("attempts").get(0);
        assertEquals(1, attempt.get("number").asInt());
        assertEquals(receiver.url("/hooks"), attempt.get("url").asText());
        assertEquals(503, attempt.get("http_status").asInt());
        assertTrue(attempt.get("error").isNull());
        assertEquals("down for maintenance", attempt.get("response").asText());
        assertTrue(attempt.get("duration_ms").asLong() >= 0);
        Instant.parse(attempt.get("at").asText());

        // The merchant's server is back; the next job for the event (here: sent at once) delivers it.
        receiver.answer("/hooks", 200, "ok");
        stack.queues().send("WebhookQueue", "{\"event_id\":\"" + eventId + "\",\"merchant_id\":\""
                + stack.merchants().sampleMerchantId() + "\"}");
        assertTrue(batchItemFailures(stack.webhooks().deliverJob(eventId)).isEmpty());

        APIGatewayV2HTTPResponse delivered = invoke(withEventId(event("webhook-event-get/found.json"), eventId));

        JsonNode after = json(delivered).get("data");
        assertEquals("delivered", after.get("delivery_status").asText());
        assertEquals(2, after.get("attempt_count").asInt());
        assertFalse(after.has("last_error"), delivered.getBody());
        Instant.parse(after.get("delivered_at").asText());
        assertEquals(503, after.get("attempts").get(0).get("http_status").asInt(), "the history is kept");
        assertEquals(2, after.get("attempts").get(1).get("number").asInt());
        assertEquals(200, after.get("attempts").get(1).get("http_status").asInt());
        assertEquals("ok", after.get("attempts").get(1).get("response").asText());
    }

    @Test
    void notFoundEventIs404() {
        APIGatewayV2HTTPEvent event = event("webhook-event-get/not-found.json");
        assertTrue(event.getPathParameters().get("event_id").startsWith("evt_NoSuchEvent"));

        assertEventNotFound(invoke(event));
    }

    @Test
    void anotherMerchantsEventIsNotFoundRatherThanForbidden() {
        NewMerchant other = stack.merchants().newMerchant("Other Merchant");
        String theirs = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json", other.apiKey()));

        assertEventNotFound(invoke(withEventId(event("webhook-event-get/found.json"), theirs)));
        assertEquals(200, invoke(withApiKey(withEventId(event("webhook-event-get/found.json"), theirs),
                other.apiKey())).getStatusCode(), "its own merchant sees it");
    }

    @Test
    void anIdThatCannotBeAnEventIsNotFound() {
        for (String id : new String[] {"evt_short", "txn_SAMPLEtransactionId00000", "evt_SAMPLEwebhookEventId000!"}) {
            assertEventNotFound(invoke(withEventId(event("webhook-event-get/found.json"), id)));
        }
    }

    private static void assertEventNotFound(APIGatewayV2HTTPResponse response) {
        assertEquals(404, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("event_not_found", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("Webhook event does not exist.", error.get("message").asText());
        assertFalse(json(response).has("data"));
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
