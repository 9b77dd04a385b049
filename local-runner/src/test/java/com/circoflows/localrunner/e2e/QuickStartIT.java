package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.GATEWAY_ID;
import static com.circoflows.localrunner.e2e.ApiAssertions.TRANSACTION_ID;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertJsonContentType;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertMatches;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRateLimitHeaders;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRecentTimestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference's Quick Start, step by step, against the running API with the demo merchant's key. */
@EndToEnd
class QuickStartIT {
    private static final String CVV = "739";

    private final E2e e2e;

    QuickStartIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void healthAnswers200WithTheKeysMerchantIdAndTestMode() {
        long before = Instant.now().getEpochSecond();
        HttpResult health = e2e.demo().health();

        assertEquals(200, health.status(), health::describe);
        assertJsonContentType(health);
        assertTrue(health.json().path("success").asBoolean(), health::describe);
        assertEquals(e2e.runner().demoMerchantId(), health.data().path("merchant_id").asText(), health::describe);
        assertEquals("test", health.data().path("mode").asText(), health::describe);
        assertRateLimitHeaders(health, before);
    }

    @Test
    void firstPaymentWithTheReferenceRequestCompletesAndSaysNoWebhookIsQueuedWithoutAnEndpoint() {
        HttpResult paid = e2e.demo().pay(Payments.card(Payments.SUCCESS, CVV));

        assertEquals(200, paid.status(), paid::describe);
        assertJsonContentType(paid);
        JsonNode body = paid.json();
        assertTrue(body.path("success").asBoolean(), paid::describe);
        assertEquals("Payment processed successfully", body.path("message").asText(), paid::describe);
        JsonNode data = body.path("data");
        assertMatches(TRANSACTION_ID, data.path("transaction_id"), "transaction_id");
        assertEquals(1000, data.path("amount").asLong(), paid::describe);
        assertTrue(data.path("amount").isIntegralNumber(), "amount must be an integer: " + paid.describe());
        assertEquals("USD", data.path("currency").asText(), paid::describe);
        assertEquals("completed", data.path("status").asText(), paid::describe);
        assertMatches(GATEWAY_ID, data.path("gateway_transaction_id"), "gateway_transaction_id");
        assertRecentTimestamp(data.path("created_at"), "created_at");
        assertTrue(data.path("webhook_queued").isBoolean(), paid::describe);
        assertEquals(false, data.path("webhook_queued").asBoolean(true),
                "the demo merchant has set no endpoint and the payment has no webhook_url: " + paid.describe());
    }

    @Test
    void statusEndpointAgreesWithThePaymentAndShowsOnlyBrandAndLast4OfTheCard() {
        JsonNode paid = e2e.demo().pay(Payments.card(Payments.SUCCESS, CVV, 1500)).data();
        String id = paid.path("transaction_id").asText();

        HttpResult status = e2e.demo().status(id);

        assertEquals(200, status.status(), status::describe);
        assertJsonContentType(status);
        assertTrue(status.json().path("success").asBoolean(), status::describe);
        JsonNode data = status.data();
        assertEquals(id, data.path("transaction_id").asText(), status::describe);
        assertEquals(1500, data.path("amount").asLong(), status::describe);
        assertEquals("USD", data.path("currency").asText(), status::describe);
        assertEquals("completed", data.path("status").asText(), status::describe);
        assertEquals(paid.path("gateway_transaction_id"), data.path("gateway_transaction_id"), status::describe);
        assertEquals(paid.path("created_at"), data.path("created_at"), status::describe);
        assertRecentTimestamp(data.path("processed_at"), "processed_at");

        JsonNode card = data.path("card");
        assertEquals("visa", card.path("brand").asText(), status::describe);
        assertEquals("4242", card.path("last4").asText(), status::describe);
        Set<String> allowedCardFields = Set.of("brand", "last4", "exp_month", "exp_year");
        card.fieldNames().forEachRemaining(field ->
                assertTrue(allowedCardFields.contains(field), "card shows more than brand/last4/expiry: " + field));
        assertFalse(status.body().contains(Payments.SUCCESS), "status shows the card number: " + status.describe());
        List<String> leaks = new ArrayList<>();
        collectCardData(data, "data", leaks);
        assertTrue(leaks.isEmpty(), "status shows card data at " + leaks + ": " + status.describe());
    }

    /** Field names like card_number/cvv, and values equal to the CVV sent. */
    private static void collectCardData(JsonNode node, String path, List<String> leaks) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (name.matches("(?i).*(cvv|cvc|card_?number|^pan$).*")) {
                    leaks.add(path + "." + name);
                }
                collectCardData(node.get(name), path + "." + name, leaks);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectCardData(node.get(i), path + "[" + i + "]", leaks);
            }
        } else if (node.asText().equals(CVV)) {
            leaks.add(path + " (the CVV)");
        }
    }
}
