package com.circoflows.localrunner.fraud;

import static com.circoflows.localrunner.fraud.BlockedPayments.assertBlockedBy;
import static com.circoflows.localrunner.fraud.BlockedPayments.assertNotBlocked;
import static com.circoflows.localrunner.fraud.BlockedPayments.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * card_velocity: one card's attempts at one merchant per window. The card is not one of the test card
 * table's (those are exempt in test mode), so it is screened as a real card is.
 */
@EndToEnd
class CardVelocityIT {
    private static final RiskSettings THREE_PER_CARD = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 3);

    private final E2e e2e;

    CardVelocityIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void aCardPastTheMerchantsLimitIsBlockedWhileOtherCardsAndOtherMerchantsGoOn() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Card Velocity Merchant", THREE_PER_CARD);
        Api otherMerchant = BlockedPayments.merchantWith(e2e, "Card Velocity Bystander", THREE_PER_CARD);
        assertNotBlocked(merchant, merchant.pay(payment(Payments.MASTERCARD, "853", 1000, "USD")));
        assertNotBlocked(merchant, merchant.pay(payment(Payments.MASTERCARD, "853", 1000, "USD")));
        var third = assertNotBlocked(merchant, merchant.pay(payment(Payments.MASTERCARD, "853", 1000, "USD")));

        assertBlockedBy(merchant, merchant.pay(payment(Payments.MASTERCARD, "853", 1000, "USD")), "card_velocity");

        assertEquals(List.of("card_velocity"), BlockedPayments.rulesHit(third), "the last allowed attempt scores");
        assertNotBlocked(merchant, merchant.pay(payment(Payments.OTHER_VISA, "854", 1000, "USD")));
        assertNotBlocked(otherMerchant, otherMerchant.pay(payment(Payments.MASTERCARD, "853", 1000, "USD")));
    }
}
