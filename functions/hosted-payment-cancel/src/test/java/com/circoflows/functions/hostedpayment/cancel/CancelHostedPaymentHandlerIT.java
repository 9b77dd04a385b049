package com.circoflows.functions.hostedpayment.cancel;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withSessionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CancelHostedPaymentHandler as Lambda runs it, fed events/hosted-payment-cancel/*.json. */
@ExtendWith(HandlerStackExtension.class)
class CancelHostedPaymentHandlerIT {
    private static final String FUNCTION = "CancelHostedPaymentFunction";

    private static HandlerStack stack;
    private static CancelHostedPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, CancelHostedPaymentHandler.class, CancelHostedPaymentHandler::new);
    }

    @Test
    void cancelEventCancelsThePendingSessionAndAnswersTheSameWhenRepeated() {
        String sessionId = stack.sessions().createSession();
        APIGatewayV2HTTPEvent event = event("hosted-payment-cancel/cancel.json");
        assertNull(event.getBody(), "the reference's cancel has no body");

        APIGatewayV2HTTPResponse first = invoke(withSessionId(event, sessionId));
        APIGatewayV2HTTPResponse second = invoke(withSessionId(event("hosted-payment-cancel/cancel.json"), sessionId));

        assertEquals(200, first.getStatusCode(), first.getBody());
        JsonNode body = json(first);
        assertEquals("Payment session cancelled successfully", body.get("message").asText());
        assertEquals(sessionId, body.get("data").get("session_id").asText());
        assertEquals("cancelled", body.get("data").get("status").asText());
        PaymentSession stored = stack.sessions().storedSession(sessionId);
        assertEquals(SessionStatus.CANCELLED, stored.status());
        assertEquals(stored.cancelledAt().getEpochSecond(),
                java.time.Instant.parse(body.get("data").get("cancelled_at").asText()).getEpochSecond());
        assertEquals(200, second.getStatusCode(), second.getBody());
        assertEquals(first.getBody(), second.getBody());
    }

    @Test
    void cancellingAPaidSessionIsSessionAlreadyCompleted() {
        String sessionId = stack.sessions().createSession();
        stack.sessions().sessionCheckout().pay(sessionId, new CheckoutForm(
                CardDetails.validate("4242424242424242", "12", "2030", "123", Clock.systemUTC()), null, null));

        APIGatewayV2HTTPResponse response = invoke(withSessionId(event("hosted-payment-cancel/cancel.json"), sessionId));

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals("session_already_completed", json(response).get("error").get("code").asText());
        assertEquals(SessionStatus.COMPLETED, stack.sessions().storedSession(sessionId).status());
    }

    @Test
    void notFoundEventIsSessionNotFound() {
        APIGatewayV2HTTPResponse response = invoke(event("hosted-payment-cancel/not-found.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("session_not_found", json(response).get("error").get("code").asText());
    }

    @Test
    void anotherMerchantCannotCancelASession() {
        String sessionId = stack.sessions().createSession();
        String otherKey = stack.merchants().newMerchantKey("Other Cancelling Merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(
                withSessionId(event("hosted-payment-cancel/cancel.json"), sessionId), otherKey));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("session_not_found", json(response).get("error").get("code").asText());
        assertEquals(SessionStatus.PENDING, stack.sessions().storedSession(sessionId).status());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
