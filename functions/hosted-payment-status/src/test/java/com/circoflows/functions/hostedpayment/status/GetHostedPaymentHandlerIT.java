package com.circoflows.functions.hostedpayment.status;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withSessionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GetHostedPaymentHandler as Lambda runs it, fed events/hosted-payment-status/*.json. */
@ExtendWith(HandlerStackExtension.class)
class GetHostedPaymentHandlerIT {
    private static final String FUNCTION = "GetHostedPaymentFunction";

    private static HandlerStack stack;
    private static GetHostedPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, GetHostedPaymentHandler.class, GetHostedPaymentHandler::new);
    }

    @Test
    void foundEventShowsThePendingSession() {
        String sessionId = stack.sessions().createSession();
        APIGatewayV2HTTPEvent event = event("hosted-payment-status/found.json");
        assertEquals(SampleEvents.SAMPLE_SESSION_ID, event.getPathParameters().get("session_id"));

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event, sessionId));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode data = json(response).get("data");
        assertEquals(sessionId, data.get("session_id").asText());
        assertEquals(25000, data.get("amount").asLong());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("Premium Subscription - Annual Plan", data.get("description").asText());
        assertEquals("pending", data.get("status").asText());
        assertEquals("Jane Smith", data.get("customer_info").get("name").asText());
        assertTrue(data.has("created_at") && data.has("expires_at"), data.toString());
        assertFalse(data.has("transaction_id") || data.has("completed_at") || data.has("cancelled_at"), data.toString());
    }

    @Test
    void paidSessionShowsItsTransactionAndTheWebhookCarriesTheSessionId() {
        String sessionId = stack.sessions().createSession();
        CheckoutState paid = stack.sessions().sessionCheckout().pay(sessionId, new CheckoutForm(
                CardDetails.validate("4242424242424242", "12", "2030", "123", Clock.systemUTC()), "Jane Smith",
                "jane@example.com"));
        assertInstanceOf(CheckoutState.Paid.class, paid);

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event("hosted-payment-status/found.json"), sessionId));

        JsonNode data = json(response).get("data");
        assertEquals("completed", data.get("status").asText(), response.getBody());
        String transactionId = data.get("transaction_id").asText();
        assertTrue(data.has("completed_at"));
        assertEquals(sessionId, stack.payments().storedTransaction(transactionId).sessionId());
        var events = stack.webhooks().webhookEvents(transactionId);
        assertEquals(1, events.size());
        assertEquals(WebhookEventType.PAYMENT_SUCCEEDED, events.get(0).type());
        assertEquals(sessionId, events.get(0).data().get("session_id"));
        assertEquals(SampleEvents.LOCAL_WEBHOOK_URL, events.get(0).targetUrl());
    }

    @Test
    void notFoundEventIsSessionNotFound() {
        APIGatewayV2HTTPResponse response = invoke(event("hosted-payment-status/not-found.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("session_not_found", error.get("code").asText());
        assertEquals("invalid_request_error", error.get("type").asText());
    }

    @Test
    void anotherMerchantsSessionIsIndistinguishableFromAnUnknownOne() {
        String sessionId = stack.sessions().createSession();
        String otherKey = stack.merchants().newMerchantKey("Other Session Merchant");

        APIGatewayV2HTTPResponse foreign = invoke(withApiKey(
                withSessionId(event("hosted-payment-status/found.json"), sessionId), otherKey));
        APIGatewayV2HTTPResponse missing = invoke(withApiKey(event("hosted-payment-status/not-found.json"), otherKey));

        assertEquals(404, foreign.getStatusCode(), foreign.getBody());
        assertEquals(missing.getBody(), foreign.getBody());
        assertFalse(foreign.getBody().contains(sessionId));
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
