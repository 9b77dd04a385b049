package com.circoflows.functions.directpayment.capture;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CapturePaymentHandler as Lambda runs it, fed events/direct-payment-capture/*.json. */
@ExtendWith(HandlerStackExtension.class)
class CapturePaymentHandlerIT {
    private static final String FUNCTION = "CapturePaymentFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static CapturePaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Capture IT Merchant");
        handler = stack.functions().construct(FUNCTION, CapturePaymentHandler.class, CapturePaymentHandler::new);
    }

    @Test
    void manualPaymentIsAuthorizedThenCapturedInPartOnceAnnouncingPaymentSucceeded() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);
        assertEquals(200, payment.status());
        assertEquals("authorized", payment.body().get("data").get("status").asText());

        APIGatewayV2HTTPResponse response = invoke(capture(payment));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals("completed", data.get("status").asText());
        assertEquals(1000, data.get("amount").asLong());
        assertEquals(1000, data.get("amount_captured").asLong());
        Transaction stored = stack.payments().storedTransaction(payment.transactionId());
        assertEquals(TransactionStatus.COMPLETED, stored.status());
        assertEquals(List.of(WebhookEventType.PAYMENT_AUTHORIZED, WebhookEventType.PAYMENT_SUCCEEDED),
                stack.webhooks().webhookEvents(payment.transactionId()).stream().map(WebhookEvent::type).toList());

        APIGatewayV2HTTPResponse again = invoke(capture(payment));
        assertEquals(409, again.getStatusCode(), "a payment is captured once: " + again.getBody());
        assertEquals("invalid_transaction_state", json(again).get("error").get("code").asText());
    }

    @Test
    void capturingLessKeepsTheAuthorisedAmountAndReleasesTheRest() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        APIGatewayV2HTTPResponse response = invoke(com.circoflows.testsupport.SampleEvents.withBody(capture(payment),
                "{\"amount\": 600}", false));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(600, json(response).get("data").get("amount_captured").asLong());
        assertEquals(1000, json(response).get("data").get("amount").asLong());
    }

    @Test
    void capturingMoreThanWasAuthorisedIsInvalidAmountAndLeavesItAuthorized() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        APIGatewayV2HTTPResponse response = invoke(com.circoflows.testsupport.SampleEvents.withBody(capture(payment),
                "{\"amount\": 1001}", false));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("invalid_amount", json(response).get("error").get("code").asText());
        assertEquals(TransactionStatus.AUTHORIZED, stack.payments().storedTransaction(payment.transactionId()).status());
    }

    @Test
    void anAutomaticallyCapturedPaymentCannotBeCapturedAgain() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);

        assertEquals(409, invoke(capture(payment)).getStatusCode());
    }

    @Test
    void samplesAnswerAsTheEventsReadmeSays() {
        assertEquals(404, invoke(event("direct-payment-capture/not-found.json")).getStatusCode());
        APIGatewayV2HTTPResponse bad = invoke(event("direct-payment-capture/bad-input.json"));
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals("invalid_amount", json(bad).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPEvent capture(CreatedPayment payment) {
        return withHeader(withApiKey(withTransactionId(event("direct-payment-capture/capture.json"), payment.transactionId()), key),
                "idempotency-key", UUID.randomUUID().toString());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
