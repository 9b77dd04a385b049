package com.circoflows.localrunner.fraud;

import static com.circoflows.localrunner.fraud.BlockedPayments.assertBlockedBy;
import static com.circoflows.localrunner.fraud.BlockedPayments.assertNotBlocked;
import static com.circoflows.localrunner.fraud.BlockedPayments.payment;

import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import org.junit.jupiter.api.Test;

/**
 * merchant_velocity: every attempt at one merchant per window, whatever the card (cards outside the
 * test card table, which in test mode the velocity rules leave alone).
 */
@EndToEnd
class MerchantVelocityIT {
    private static final RiskSettings THREE_PER_MERCHANT =
            RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 3);

    private final E2e e2e;

    MerchantVelocityIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void pastTheMerchantsLimitAnyCardIsBlockedWhileAnotherMerchantGoesOn() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Merchant Velocity Merchant", THREE_PER_MERCHANT);
        Api otherMerchant = BlockedPayments.merchantWith(e2e, "Merchant Velocity Bystander", THREE_PER_MERCHANT);
        assertNotBlocked(merchant, merchant.pay(payment(Payments.OTHER_VISA, "855", 1000, "USD")));
        assertNotBlocked(merchant, merchant.pay(payment(Payments.MASTERCARD, "856", 1000, "EUR")));
        assertNotBlocked(merchant, merchant.pay(payment(Payments.DISCOVER, "857", 1000, "USD")));

        assertBlockedBy(merchant, merchant.pay(payment(Payments.AMEX, "8581", 1000, "USD")), "merchant_velocity");

        assertNotBlocked(otherMerchant, otherMerchant.pay(payment(Payments.OTHER_VISA, "855", 1000, "USD")));
    }
}
