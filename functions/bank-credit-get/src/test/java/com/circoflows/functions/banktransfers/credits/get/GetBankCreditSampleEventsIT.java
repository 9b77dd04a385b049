package com.circoflows.functions.banktransfers.credits.get;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static com.circoflows.testsupport.SampleEvents.withCreditId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GetBankCreditHandler as Lambda runs it, fed events/bank-credit-get/*.json. */
@ExtendWith(HandlerStackExtension.class)
class GetBankCreditSampleEventsIT {
    private static final String FUNCTION = "GetBankCreditFunction";

    private static HandlerStack stack;
    /** A merchant of its own: the sample key's rate limit is shared by every handler IT. */
    private static String key;
    private static GetBankCreditHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        key = stack.merchants().newMerchantKey("Held credit get sample merchant");
        handler = stack.functions().construct(FUNCTION, GetBankCreditHandler.class, GetBankCreditHandler::new);
    }

    @Test
    void theFoundSampleShowsTheHeldCreditItsPlaceholderIsReplacedWith() {
        String expired = stack.payments().pay("direct-payment-create/bank-transfer.json", key).transactionId();
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String creditId = stack.bankCredits().heldFor(expired, 700, receivedAt);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(withCreditId(event("bank-credit-get/found.json"),
                creditId), key));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode credit = json(response).get("data");
        assertEquals(creditId, credit.get("credit_id").asText());
        assertEquals("held", credit.get("status").asText());
        assertEquals("payment_closed", credit.get("held_reason").asText());
        assertEquals(700, credit.get("amount").asLong());
        assertEquals("EUR", credit.get("currency").asText());
        assertEquals(expired, credit.get("transaction_id").asText());
        assertEquals(receivedAt.toString(), credit.get("received_at").asText());
    }

    @Test
    void theNotFoundSampleIsBankCreditNotFoundAndAnotherMerchantsCreditAnswersTheSame() {
        APIGatewayV2HTTPResponse unknown = invoke(withApiKey(event("bank-credit-get/not-found.json"), key));
        String strangers = stack.bankCredits().heldFor(stack.payments().pay("direct-payment-create/bank-transfer.json",
                stack.merchants().newMerchantKey("Held credit get stranger")).transactionId(), 500, Instant.now());
        APIGatewayV2HTTPResponse another = invoke(withApiKey(withCreditId(event("bank-credit-get/found.json"),
                strangers), key));

        assertEquals(404, unknown.getStatusCode(), unknown.getBody());
        assertEquals("bank_credit_not_found", json(unknown).get("error").get("code").asText());
        assertEquals(404, another.getStatusCode(), another.getBody());
        assertEquals(unknown.getBody(), another.getBody());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
