package com.circoflows.localrunner.fraud;

import static com.circoflows.localrunner.fraud.BlockedPayments.assertBlockedBy;
import static com.circoflows.localrunner.fraud.BlockedPayments.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A merchant's test suite with the default fraud settings: the test card table's success card may be
 * paid as often as the suite likes, and each fraud rule has its own card that trips it.
 */
@EndToEnd
class TestModeCardsIT {
    private final E2e e2e;

    TestModeCardsIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void theSuccessCardPaidThirtyTimesInARowIsChargedEveryTime() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Test Suite Merchant", RiskSettings.DEFAULTS);

        for (int i = 1; i <= 30; i++) {
            int payment = i;
            HttpResult paid = merchant.pay(payment(Payments.SUCCESS, "871", 1000, "USD"));

            assertEquals(200, paid.status(), () -> "payment " + payment + ": " + paid.describe());
            assertEquals("completed", paid.data().path("status").asText(), paid::describe);
        }
    }

    @Test
    void eachFraudRuleHasATestCardThatIsDeclinedAsFraudulentByThatRule() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Fraud Path Merchant", RiskSettings.DEFAULTS);

        for (List<String> cardAndRule : List.of(
                List.of(Payments.FRAUDULENT, "blocked_card"),
                List.of(Payments.TRIPS_AMOUNT_LIMIT, "amount_limit"),
                List.of(Payments.TRIPS_CARD_VELOCITY, "card_velocity"),
                List.of(Payments.TRIPS_MERCHANT_VELOCITY, "merchant_velocity"),
                List.of(Payments.TRIPS_CARD_TESTING, "card_testing"))) {
            var blocked = assertBlockedBy(merchant, merchant.pay(payment(cardAndRule.get(0), "872", 1000, "USD")),
                    cardAndRule.get(1));

            assertEquals(List.of(cardAndRule.get(1)), BlockedPayments.rulesHit(blocked));
        }
    }
}
