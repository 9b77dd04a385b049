package com.circoflows.localrunner.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** What the fraud rules' end-to-end tests share: merchants with their own settings, and the checks of a block. */
final class BlockedPayments {
    private BlockedPayments() {
    }

    /** A fresh merchant whose settings are in place before its first payment, so no cache holds older ones. */
    static Api merchantWith(E2e e2e, String name, RiskSettings settings) {
        E2e.TestMerchant merchant = e2e.newMerchant(name);
        e2e.setRiskSettings(merchant.merchantId(), settings);
        return merchant.api();
    }

    static ObjectNode payment(String card, String cvv, long amount, String currency) {
        return Payments.card(card, cvv, amount).put("currency", currency);
    }

    /**
     * The answer is the blocked test card's: 400 card_declined / fraudulent naming the stored failed
     * transaction, which GET shows with its error and the risk naming {@code rule}, as its
     * payment.failed webhook event does. Returns the transaction as GET shows it.
     */
    static JsonNode assertBlockedBy(Api api, HttpResult answer, String rule) {
        assertEquals(400, answer.status(), answer::describe);
        JsonNode error = answer.error();
        assertEquals("card_declined", error.path("code").asText(), answer::describe);
        assertEquals("card_error", error.path("type").asText(), answer::describe);
        assertEquals("fraudulent", error.path("decline_code").asText(), answer::describe);
        assertEquals("Your card was declined.", error.path("message").asText(), answer::describe);
        String transactionId = error.path("transaction_id").asText();

        HttpResult stored = api.status(transactionId);
        assertEquals(200, stored.status(), stored::describe);
        JsonNode transaction = stored.data();
        assertEquals("failed", transaction.path("status").asText(), stored::describe);
        assertTrue(transaction.path("gateway_transaction_id").isNull(), "never sent to the gateway: " + stored.describe());
        assertEquals("fraudulent", transaction.path("error").path("decline_code").asText(), stored::describe);
        assertEquals(100, transaction.path("risk").path("score").asInt(), stored::describe);
        assertTrue(rulesHit(transaction).contains(rule), stored::describe);

        JsonNode event = eventOf(api, transactionId);
        assertEquals("payment.failed", event.path("type").asText(), event::toString);
        assertEquals(transaction.path("risk"), event.path("data").path("risk"), event::toString);
        return transaction;
    }

    /** A 200 or a decline of the issuer's, whatever the rule said: it reached the gateway. */
    static JsonNode assertNotBlocked(Api api, HttpResult answer) {
        assertTrue(answer.status() == 200 || !"fraudulent".equals(answer.error().path("decline_code").asText()),
                answer::describe);
        String transactionId = answer.status() == 200 ? answer.data().path("transaction_id").asText()
                : answer.error().path("transaction_id").asText();
        HttpResult stored = api.status(transactionId);
        assertEquals(200, stored.status(), stored::describe);
        assertTrue(stored.data().path("risk").path("score").asInt() < 100, stored::describe);
        return stored.data();
    }

    static List<String> rulesHit(JsonNode transaction) {
        List<String> rules = new ArrayList<>();
        transaction.path("risk").path("rules_hit").forEach(rule -> rules.add(rule.asText()));
        return rules;
    }

    private static JsonNode eventOf(Api api, String transactionId) {
        HttpResult events = api.get("/api/webhook-events?limit=100");
        assertEquals(200, events.status(), events::describe);
        for (JsonNode event : events.data().path("events")) {
            if (event.path("transaction_id").asText().equals(transactionId)) {
                HttpResult detail = api.get("/api/webhook-events/" + event.path("event_id").asText());
                assertEquals(200, detail.status(), detail::describe);
                return detail.data();
            }
        }
        throw new AssertionError("no webhook event for " + transactionId + ": " + events.describe());
    }
}
