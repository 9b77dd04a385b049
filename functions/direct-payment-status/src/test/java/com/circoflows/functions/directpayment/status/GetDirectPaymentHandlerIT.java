package com.circoflows.functions.directpayment.status;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
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
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GetDirectPaymentHandler as Lambda runs it, fed events/direct-payment-status/*.json. */
@ExtendWith(HandlerStackExtension.class)
class GetDirectPaymentHandlerIT {
    private static final String FUNCTION = "GetDirectPaymentFunction";

    private static HandlerStack stack;
    private static GetDirectPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, GetDirectPaymentHandler.class, GetDirectPaymentHandler::new);
    }

    @Test
    void foundEventShowsTheCompletedPaymentWithCardSummaryOnly() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json");
        APIGatewayV2HTTPEvent event = event("direct-payment-status/found.json");
        assertEquals(SampleEvents.SAMPLE_TRANSACTION_ID, event.getPathParameters().get("transaction_id"));

        APIGatewayV2HTTPResponse response = invoke(withTransactionId(event, payment.transactionId()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("100", response.getHeaders().get("x-ratelimit-limit"));
        JsonNode body = json(response);
        assertTrue(body.get("success").asBoolean());
        JsonNode data = body.get("data");
        assertEquals(payment.transactionId(), data.get("transaction_id").asText());
        assertEquals(1000, data.get("amount").asLong());
        assertEquals("USD", data.get("currency").asText());
        assertEquals("completed", data.get("status").asText());
        assertEquals(payment.gatewayTransactionId(), data.get("gateway_transaction_id").asText());
        assertFalse(data.get("livemode").asBoolean());
        assertEquals("not_required", data.get("three_d_secure").asText());
        assertTrue(data.has("created_at") && data.has("processed_at"));
        assertEquals("visa", data.get("card").get("brand").asText());
        assertEquals("4242", data.get("card").get("last4").asText());
        assertEquals(12, data.get("card").get("exp_month").asInt());
        assertEquals(2030, data.get("card").get("exp_year").asInt());
        assertEquals("John Doe", data.get("customer_info").get("name").asText());
        assertEquals("ORDER-123", data.get("metadata").get("order_id").asText());
        assertFalse(data.has("error"));
        assertFalse(response.getBody().contains("4242424242424242"));
        assertFalse(response.getBody().contains("cvv"));
        assertFalse(response.getBody().contains("fingerprint"));
    }

    @Test
    void foundEventForADeclinedPaymentShowsItsError() {
        CreatedPayment declined = stack.payments().pay("direct-payment-create/declined.json");

        APIGatewayV2HTTPResponse response =
                invoke(withTransactionId(event("direct-payment-status/found.json"), declined.transactionId()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals("failed", data.get("status").asText());
        assertEquals("card_declined", data.get("error").get("code").asText());
        assertEquals("generic_decline", data.get("error").get("decline_code").asText());
    }

    @Test
    void notFoundEventIs404TransactionNotFound() {
        APIGatewayV2HTTPResponse response = invoke(event("direct-payment-status/not-found.json"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertFalse(body.get("success").asBoolean());
        assertEquals("transaction_not_found", body.get("error").get("code").asText());
        assertEquals("invalid_request_error", body.get("error").get("type").asText());
    }

    @Test
    void anotherMerchantsTransactionLooksExactlyLikeOneThatDoesNotExist() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json");
        String otherKey = stack.merchants().newMerchantKey("Other Merchant");

        APIGatewayV2HTTPResponse foreign = invoke(withApiKey(
                withTransactionId(event("direct-payment-status/found.json"), payment.transactionId()), otherKey));
        APIGatewayV2HTTPResponse missing = invoke(withApiKey(event("direct-payment-status/not-found.json"), otherKey));

        assertEquals(404, foreign.getStatusCode(), foreign.getBody());
        assertEquals(missing.getStatusCode(), foreign.getStatusCode());
        assertEquals(missing.getBody(), foreign.getBody());
        assertFalse(foreign.getBody().contains(payment.transactionId()));
    }

    @Test
    void pathThatCannotBeATransactionIdIs404() {
        APIGatewayV2HTTPResponse response =
                invoke(withTransactionId(event("direct-payment-status/not-found.json"), "txn_..%2F..%2Fadmin"));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("transaction_not_found", json(response).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
