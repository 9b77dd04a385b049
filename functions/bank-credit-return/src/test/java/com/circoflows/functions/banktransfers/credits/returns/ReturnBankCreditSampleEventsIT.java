package com.circoflows.functions.banktransfers.credits.returns;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withCreditId;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ReturnBankCreditHandler as Lambda runs it, fed events/bank-credit-return/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ReturnBankCreditSampleEventsIT {
    private static final String FUNCTION = "ReturnBankCreditFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static ReturnBankCreditHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Held credit return sample merchant");
        handler = stack.functions().construct(FUNCTION, ReturnBankCreditHandler.class, ReturnBankCreditHandler::new);
    }

    @Test
    void theReturnSampleSendsTheHeldCreditBackOnceAndASecondReturnIsNotHeld() {
        String closed = stack.payments().pay("direct-payment-create/bank-transfer.json", key).transactionId();
        String creditId = stack.bankCredits().heldFor(closed, 700, Instant.now());
        APIGatewayV2HTTPEvent returnIt = withApiKey(withCreditId(event("bank-credit-return/return.json"), creditId), key);

        APIGatewayV2HTTPResponse response = invoke(withHeader(returnIt, "idempotency-key", UUID.randomUUID().toString()));
        APIGatewayV2HTTPResponse again = invoke(withHeader(returnIt, "idempotency-key", UUID.randomUUID().toString()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode credit = json(response).get("data");
        assertEquals("returned", credit.get("status").asText());
        assertEquals("otr_" + creditId.substring("bcr_".length()), credit.get("return_id").asText());
        assertTrue(credit.hasNonNull("settled_at"), credit::toString);
        assertEquals(closed, credit.get("transaction_id").asText());
        assertEquals(409, again.getStatusCode(), again.getBody());
        assertEquals("bank_credit_not_held", json(again).get("error").get("code").asText());
    }

    @Test
    void theNotFoundSampleIsBankCreditNotFound() {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("bank-credit-return/not-found.json"), key));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("bank_credit_not_found", json(response).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
