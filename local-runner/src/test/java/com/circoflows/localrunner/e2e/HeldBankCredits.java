package com.circoflows.localrunner.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A held bank credit of a merchant's, through the real feed and consumer, without waiting for an expiry: a
 * EUR 25.00 bank transfer is paid EUR 30.00 through test mode's bank, so the consumer completes it and holds
 * the EUR 5.00 it did not need for the merchant (held_reason excess), in the same write.
 */
public final class HeldBankCredits {
    static final String TRANSFER = "{\"amount\":2500,\"currency\":\"EUR\",\"payment_method\":"
            + "\"bank_transfer\",\"customer_info\":{\"name\":\"Held Credit Payer\"}}";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private HeldBankCredits() {
    }

    /** The held credit, and the bank transfer it names. */
    public record Held(String creditId, String transactionId) {
    }

    /** Makes one with the merchant's own key; {@code observe} sees every answer (its rate-limit budget). */
    public static Held heldCreditOf(Api api, Consumer<HttpResult> observe) {
        HttpResult transfer = expect(202, api.post("/api/direct-payment", TRANSFER), observe);
        String transactionId = transfer.data().path("transaction_id").asText();
        expect(202, api.post("/api/test/bank-transfers/" + transactionId + "/fund", "{\"amount\":3000}"), observe);
        JsonNode held = Eventually.until("a held credit naming " + transactionId, ARRIVAL, () -> {
            HttpResult listed = api.get("/api/bank-credits?limit=100");
            observe.accept(listed);
            for (JsonNode credit : listed.data().path("credits")) {
                if (transactionId.equals(credit.path("transaction_id").asText())) {
                    return credit;
                }
            }
            return null;
        }, credit -> credit != null);
        if (!"excess".equals(held.path("held_reason").asText()) || held.path("amount").asLong() != 500) {
            throw new IllegalStateException("expected the EUR 5.00 the payment did not need, held: " + held);
        }
        return new Held(held.path("credit_id").asText(), transactionId);
    }

    private static HttpResult expect(int status, HttpResult result, Consumer<HttpResult> observe) {
        observe.accept(result);
        if (result.status() != status) {
            throw new IllegalStateException("making a held bank credit: " + result.describe());
        }
        return result;
    }
}
