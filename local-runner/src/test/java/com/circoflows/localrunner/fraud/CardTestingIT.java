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
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import org.junit.jupiter.api.Test;

/**
 * card_testing: after a burst of small declines, further small attempts are blocked; larger ones go
 * on, and so does the test card table's 4242..., which in test mode this rule never blocks.
 */
@EndToEnd
class CardTestingIT {
    private static final RiskSettings THREE_SMALL_DECLINES =
            RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 3);
    /** USD 1.00: small, at most ten times the USD 0.50 minimum. */
    private static final long SMALL = 100;

    private final E2e e2e;

    CardTestingIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void afterThreeSmallDeclinesTheNextSmallPaymentIsBlockedButALargerOneTheSuccessCardAndAnotherMerchantsAreCharged() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Card Testing Merchant", THREE_SMALL_DECLINES);
        Api otherMerchant = BlockedPayments.merchantWith(e2e, "Card Testing Bystander", THREE_SMALL_DECLINES);
        for (String cvv : new String[] {"859", "861", "862"}) {
            HttpResult declined = merchant.pay(payment(Payments.DECLINED, cvv, SMALL, "USD"));
            assertEquals("generic_decline", declined.error().path("decline_code").asText(), declined::describe);
        }

        assertBlockedBy(merchant, merchant.pay(payment(Payments.MASTERCARD, "863", SMALL, "USD")), "card_testing");

        assertNotBlocked(merchant, merchant.pay(payment(Payments.MASTERCARD, "863", 501, "USD")));
        assertNotBlocked(merchant, merchant.pay(payment(Payments.SUCCESS, "863", SMALL, "USD")));
        assertNotBlocked(otherMerchant, otherMerchant.pay(payment(Payments.MASTERCARD, "863", SMALL, "USD")));
    }
}
