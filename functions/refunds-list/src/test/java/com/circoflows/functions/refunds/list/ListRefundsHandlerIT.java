package com.circoflows.functions.refunds.list;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ListRefundsHandler as Lambda runs it, fed events/refunds-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListRefundsHandlerIT {
    private static final String FUNCTION = "ListRefundsFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static ListRefundsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Refund List IT Merchant");
        handler = stack.functions().construct(FUNCTION, ListRefundsHandler.class, ListRefundsHandler::new);
    }

    @Test
    void listsThePaymentsRefundsOldestFirst() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);
        assertEquals(200, stack.payments().refund(key, payment.transactionId(), "{\"amount\": 100}").getStatusCode());
        assertEquals(200, stack.payments().refund(key, payment.transactionId(), "{\"amount\": 250}").getStatusCode());

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(withTransactionId(event("refunds-list/list.json"), payment.transactionId()), key));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode refunds = json(response).get("data").get("refunds");
        assertEquals(2, refunds.size());
        assertEquals(100, refunds.get(0).get("amount").asLong());
        assertEquals(250, refunds.get(1).get("amount").asLong());
        assertEquals("succeeded", refunds.get(1).get("status").asText());
    }

    @Test
    void aPaymentWithoutRefundsListsNone() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(withTransactionId(event("refunds-list/list.json"), payment.transactionId()), key));

        assertEquals(0, json(response).get("data").get("refunds").size());
    }

    @Test
    void anotherMerchantsPaymentIsNotFound() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/success.json", key);
        String otherKey = stack.merchants().newMerchantKey("Other Refunds Merchant");

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(withTransactionId(event("refunds-list/list.json"), payment.transactionId()), otherKey));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("transaction_not_found", json(response).get("error").get("code").asText());
        assertEquals(404, LambdaInvocations.invoke(handler, FUNCTION, event("refunds-list/not-found.json"))
                .getStatusCode());
    }
}
