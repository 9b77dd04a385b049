package com.circoflows.localrunner.fraud;

import static com.circoflows.localrunner.fraud.BlockedPayments.assertBlockedBy;
import static com.circoflows.localrunner.fraud.BlockedPayments.assertNotBlocked;
import static com.circoflows.localrunner.fraud.BlockedPayments.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** blocked_card: the fraud test card is blocked at every merchant; no setting lets it through. */
@EndToEnd
class BlockedCardIT {
    private final E2e e2e;

    BlockedCardIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void theFraudTestCardIsDeclinedAsFraudulentAndAnotherCardOfTheSameMerchantIsCharged() {
        Api merchant = e2e.newMerchant("Block List Merchant").api();

        JsonNode blocked = assertBlockedBy(merchant, merchant.pay(payment(Payments.FRAUDULENT, "851", 1000, "USD")),
                "blocked_card");
        JsonNode charged = assertNotBlocked(merchant, merchant.pay(payment(Payments.SUCCESS, "852", 1000, "USD")));

        assertEquals(List.of("blocked_card"), BlockedPayments.rulesHit(blocked));
        assertEquals("completed", charged.path("status").asText());
        assertEquals(0, charged.path("risk").path("score").asInt());
    }
}
