package com.circoflows.functions.banktransfers.credits.list;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.json;
import static com.circoflows.testsupport.SampleEvents.withApiKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.TestMerchants.NewMerchant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ListBankCreditsHandler as Lambda runs it, fed events/bank-credits-list/*.json. */
@ExtendWith(HandlerStackExtension.class)
class ListBankCreditsSampleEventsIT {
    private static final String FUNCTION = "ListBankCreditsFunction";

    private static HandlerStack stack;
    private static ListBankCreditsHandler handler;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        handler = stack.functions().construct(FUNCTION, ListBankCreditsHandler.class, ListBankCreditsHandler::new);
    }

    @Test
    void theListSampleShowsTheMerchantsHeldCreditsNewestFirstAndNoneOfAnotherMerchants() {
        NewMerchant merchant = stack.merchants().newMerchant("Held credits list sample merchant");
        String expired = stack.payments().pay("direct-payment-create/bank-transfer.json", merchant.apiKey())
                .transactionId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String older = stack.bankCredits().heldFor(expired, 700, now.minusSeconds(60));
        String newer = stack.bankCredits().heldFor(expired, 300, now);
        String strangers = stack.bankCredits().heldFor(stack.payments().pay("direct-payment-create/bank-transfer.json",
                stack.merchants().newMerchantKey("Held credits list stranger")).transactionId(), 500, now);

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("bank-credits-list/list.json"), merchant.apiKey()));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode data = json(response).get("data");
        List<String> listed = new ArrayList<>();
        data.get("credits").forEach(credit -> {
            listed.add(credit.get("credit_id").asText());
            assertEquals("held", credit.get("status").asText(), credit.toString());
            assertEquals("payment_closed", credit.get("held_reason").asText(), credit.toString());
            assertEquals(expired, credit.get("transaction_id").asText(), credit.toString());
            assertEquals("EUR", credit.get("currency").asText(), credit.toString());
            assertFalse(credit.get("livemode").asBoolean());
        });
        assertEquals(List.of(newer, older), listed);
        assertFalse(response.getBody().contains(strangers), "another merchant's credit: " + response.getBody());
        assertFalse(data.get("has_more").asBoolean(), response.getBody());
    }

    @Test
    void theBadStatusSampleIs400NamingStatus() {
        String key = stack.merchants().newMerchantKey("Held credits bad status merchant");

        APIGatewayV2HTTPResponse response = invoke(withApiKey(event("bank-credits-list/bad-status.json"), key));

        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals("invalid_request", error.get("code").asText());
        assertEquals("status", error.get("param").asText());
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return LambdaInvocations.invoke(handler, FUNCTION, event);
    }
}
