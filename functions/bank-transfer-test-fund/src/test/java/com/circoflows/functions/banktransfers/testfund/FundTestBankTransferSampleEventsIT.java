package com.circoflows.functions.banktransfers.testfund;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withTransactionId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestPayments.CreatedPayment;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** FundTestBankTransferHandler as Lambda runs it, fed events/bank-transfer-test-fund/*.json. */
@ExtendWith(HandlerStackExtension.class)
class FundTestBankTransferSampleEventsIT {
    private static final String FUNCTION = "FundTestBankTransferFunction";
    private static final String QUEUE = "BankCreditsQueue";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static FundTestBankTransferHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Test bank sample merchant");
        handler = stack.functions().construct(FUNCTION, FundTestBankTransferHandler.class,
                FundTestBankTransferHandler::new);
    }

    @Test
    void theFundSamplePutsACreditIntoThePaymentsOwnAccountOnTheBankCreditFeed() {
        CreatedPayment payment = stack.payments().pay("direct-payment-create/bank-transfer.json", key);
        JsonNode instructions = payment.body().get("data").get("action_data");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withTransactionId(
                event("bank-transfer-test-fund/fund.json"), payment.transactionId()), key));

        assertEquals(202, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        assertEquals(payment.transactionId(), data.get("transaction_id").asText());
        assertEquals(10000, data.get("amount").asLong());
        assertEquals("EUR", data.get("currency").asText());
        assertEquals(instructions.get("iban").asText(), data.get("virtual_account").asText());
        assertEquals(1, data.get("deliveries").asInt());
        String bankReference = data.get("bank_reference").asText();
        Message sent = stack.queues().receive(QUEUE, message -> message.body().contains(bankReference), 1).get(0);
        stack.queues().delete(QUEUE, sent);
        BankCredit credit = BankCreditMessages.read(sent.body());
        assertEquals(10000, credit.amount().minorUnits());
        assertEquals(instructions.get("iban").asText(), credit.virtualAccount());
        assertEquals(instructions.get("reference").asText(), credit.reference().replace(" ", ""));
    }

    @Test
    void theNotFoundSampleIsTransactionNotFound() {
        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("bank-transfer-test-fund/not-found.json"), key));

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertEquals("transaction_not_found", json(response).get("error").get("code").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
