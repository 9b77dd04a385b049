package com.circoflows.functions.banktransfers.credits.assign;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withCreditId;
import static com.circoflows.testsupport.SampleEvents.withHeader;
import static com.circoflows.testsupport.SampleEvents.withJsonField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AssignBankCreditHandler as Lambda runs it, fed events/bank-credit-assign/*.json. */
@ExtendWith(HandlerStackExtension.class)
class AssignBankCreditSampleEventsIT {
    private static final String FUNCTION = "AssignBankCreditFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static AssignBankCreditHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Held credit assign sample merchant");
        handler = stack.functions().construct(FUNCTION, AssignBankCreditHandler.class, AssignBankCreditHandler::new);
    }

    @Test
    void theAssignSampleAppliesTheHeldCreditToTheBankTransferItNamesOnceEvenWhenRetried() {
        String closed = stack.payments().pay("direct-payment-create/bank-transfer.json", key).transactionId();
        String creditId = stack.bankCredits().heldFor(closed, 25000, Instant.now());
        String payment = stack.payments().pay("direct-payment-create/bank-transfer.json", key).transactionId();
        APIGatewayV2HTTPEvent assign = withHeader(withApiKey(withJsonField(withCreditId(
                event("bank-credit-assign/assign.json"), creditId), "transaction_id", payment), key),
                "idempotency-key", UUID.randomUUID().toString());

        APIGatewayV2HTTPResponse response = invoke(assign);
        APIGatewayV2HTTPResponse retried = invoke(assign);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode credit = json(response).get("data");
        assertEquals(creditId, credit.get("credit_id").asText());
        assertEquals("applied", credit.get("status").asText());
        assertEquals(payment, credit.get("transaction_id").asText());
        Transaction paid = stack.payments().storedTransaction(payment);
        assertEquals(TransactionStatus.COMPLETED, paid.status());
        assertEquals(25000, paid.bankTransfer().received().minorUnits(), "applied once");
        assertEquals(response.getBody(), retried.getBody());
        assertEquals("true", retried.getHeaders().get("idempotent-replayed"));
    }

    @Test
    void theNotFoundSampleIsBankCreditNotFound() {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("bank-credit-assign/not-found.json"), key));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("bank_credit_not_found", json(response).get("error").get("code").asText());
    }

    @Test
    void theBadInputSampleIs400NamingTransactionIdAndLeavesTheCreditHeld() {
        String closed = stack.payments().pay("direct-payment-create/bank-transfer.json", key).transactionId();
        String creditId = stack.bankCredits().heldFor(closed, 1000, Instant.now());

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withCreditId(event("bank-credit-assign/bad-input.json"),
                creditId), key));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("transaction_id", error.get("param").asText());
        assertEquals("held", stack.bankCredits().ledger().find(creditId).orElseThrow().outcome().wireName());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
