package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The name and email the customer types on the hosted payment page are what the session's GET shows,
 * as the reference's status example does (customer_info with name and email), also when the merchant
 * pre-filled nothing.
 */
@EndToEnd
class SessionCustomerInfoIT {
    private final E2e e2e;

    SessionCustomerInfoIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void theSessionShowsTheNameAndEmailTypedOnThePage() {
        Api api = e2e.newMerchant("Typed Customer Merchant").api();
        HttpResult created = api.post("/api/hosted-payment", Json.object().put("amount", 2500).put("currency", "USD")
                .put("description", "Annual Plan"));
        String sessionId = created.data().path("session_id").asText();
        String paymentUrl = created.data().path("payment_url").asText();

        ChallengePage page = ChallengePage.open(e2e, paymentUrl);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", page.csrfToken());
        form.put("email", "ana.lima@example.com");
        form.put("cardholder_name", "Ana Lima");
        form.put("card_number", SentCardData.pan(Payments.SUCCESS));
        form.put("expiry", "12/30");
        form.put("cvc", SentCardData.cvv("826"));
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(ChallengePage.encode(value)));
        HttpResult paid = ChallengePage.post(e2e, paymentUrl, body.toString(), ChallengePage.COOKIE + "=" + page.nonce());
        HttpResult status = api.get("/api/hosted-payment/" + sessionId);

        assertEquals(303, paid.status(), paid::describe);
        assertEquals("completed", status.data().path("status").asText(), status::describe);
        JsonNode customer = status.data().path("customer_info");
        assertEquals("Ana Lima", customer.path("name").asText(null), status::describe);
        assertEquals("ana.lima@example.com", customer.path("email").asText(null), status::describe);
        String transactionId = status.data().path("transaction_id").asText();
        assertEquals(customer, api.get("/api/direct-payment/" + transactionId).data().path("customer_info"),
                "the session and its payment agree");
    }
}
