package com.circoflows.functions.directpayment.cancel;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CancelPaymentHandler as Lambda runs it, fed events/direct-payment-cancel/*.json. */
@ExtendWith(HandlerStackExtension.class)
class CancelPaymentHandlerIT {
    private static final String FUNCTION = "CancelPaymentFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static CancelPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Cancel IT Merchant");
        handler = stack.functions().construct(FUNCTION, CancelPaymentHandler.class, CancelPaymentHandler::new);
    }

    @Test
    void canceledAuthorisationAnnouncesPaymentCanceledAndCanNoLongerBeCanceledOrCaptured() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        APIGatewayV2HTTPResponse response = invoke(cancel(payment));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("canceled", json(response).get("data").get("status").asText());
        assertEquals(0, json(response).get("data").get("amount_captured").asLong());
        assertEquals(TransactionStatus.CANCELED, stack.payments().storedTransaction(payment.transactionId()).status());
        assertEquals(List.of(WebhookEventType.PAYMENT_AUTHORIZED, WebhookEventType.PAYMENT_CANCELED),
                stack.webhooks().webhookEvents(payment.transactionId()).stream().map(WebhookEvent::type).toList());
        assertEquals(409, invoke(cancel(payment)).getStatusCode());
    }

    @Test
    void aCapturedPaymentCannotBeCanceledItIsRefunded() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);

        APIGatewayV2HTTPResponse response = invoke(cancel(payment));

        assertEquals(409, response.getStatusCode(), response.getBody());
        assertEquals("invalid_transaction_state", json(response).get("error").get("code").asText());
    }

    @Test
    void aBodyWithParametersIsRefused() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/manual-capture.json", key);

        APIGatewayV2HTTPResponse response = invoke(com.circoflows.testsupport.SampleEvents.withBody(cancel(payment),
                "{\"amount\": 100}", false));

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(TransactionStatus.AUTHORIZED, stack.payments().storedTransaction(payment.transactionId()).status());
    }

    @Test
    void notFoundSampleIs404() {
        assertEquals(404, invoke(event("direct-payment-cancel/not-found.json")).getStatusCode());
    }

    private static APIGatewayV2HTTPEvent cancel(CreatedPayment payment) {
        return withHeader(withApiKey(withTransactionId(event("direct-payment-cancel/cancel.json"), payment.transactionId()), key),
                "idempotency-key", UUID.randomUUID().toString());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
