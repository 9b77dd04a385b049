package com.circoflows.functions.directpayment.create;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/direct-payment-create/bank-transfer.json through CreateDirectPaymentHandler, as events/README.md says it answers. */
@ExtendWith(HandlerStackExtension.class)
class BankTransferSampleEventIT {
    private static final String FUNCTION = "CreateDirectPaymentFunction";

    private static HandlerStack stack;
    private static CreateDirectPaymentHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, CreateDirectPaymentHandler.class, CreateDirectPaymentHandler::new);
    }

    @Test
    void theBankTransferSampleOpensAPendingEuroTransferWithSepaInstructionsForSevenDays() {
        String key = stack.merchants().newMerchantKey("Bank transfer sample merchant");

        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, FUNCTION,
                withApiKey(event("direct-payment-create/bank-transfer.json"), key));

        assertEquals(202, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals("pending", data.get("status").asText());
        assertEquals("bank_transfer", data.get("payment_method").asText());
        assertEquals("bank_transfer_instructions", data.get("action_type").asText());
        JsonNode instructions = data.get("action_data");
        assertEquals("SEPA credit transfer", instructions.get("scheme").asText());
        assertTrue(instructions.get("iban").asText().matches("DE[0-9]{2}00017000[0-9]{10}"), instructions.toString());
        assertEquals("CIRCDEF0", instructions.get("bic").asText());
        assertTrue(instructions.get("reference").asText().matches("RF[0-9]{3,}"), instructions.toString());
        assertEquals(25000, instructions.get("amount_remaining").asLong());
        assertEquals(Duration.ofDays(7), Duration.between(Instant.parse(data.get("created_at").asText()),
                Instant.parse(data.get("expires_at").asText())));
        Transaction stored = stack.payments().storedTransaction(data.get("transaction_id").asText());
        assertEquals(TransactionStatus.PENDING, stored.status());
        assertEquals(0, stored.bankTransfer().received().minorUnits());
        assertEquals("Jane Smith", stored.customerInfo().get("name"));
    }
}
