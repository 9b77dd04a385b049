package com.circoflows.localrunner.fraud;

import static com.circoflows.localrunner.fraud.BlockedPayments.assertBlockedBy;
import static com.circoflows.localrunner.fraud.BlockedPayments.assertNotBlocked;
import static com.circoflows.localrunner.fraud.BlockedPayments.payment;

import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** amount_limit: a single payment above the merchant's limit for its currency. */
@EndToEnd
class AmountLimitIT {
    private static final RiskSettings LOW_LIMITS = RiskSettings.DEFAULTS
            .withAmountLimit(Currency.getInstance("USD"), 50_000)
            .withAmountLimit(Currency.getInstance("JPY"), 5_000);

    private final E2e e2e;

    AmountLimitIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void aPaymentOverTheLimitOfItsCurrencyIsBlockedWhileTheLimitItselfAndOtherCurrenciesAreCharged() {
        Api merchant = BlockedPayments.merchantWith(e2e, "Amount Limit Merchant", LOW_LIMITS);
        Api otherMerchant = e2e.newMerchant("Amount Limit Bystander").api();

        assertBlockedBy(merchant, merchant.pay(payment(Payments.SUCCESS, "864", 50_001, "USD")), "amount_limit");
        assertBlockedBy(merchant, merchant.pay(payment(Payments.MASTERCARD, "865", 5_001, "JPY")), "amount_limit");

        assertNotBlocked(merchant, merchant.pay(payment(Payments.SUCCESS, "864", 50_000, "USD")));
        assertNotBlocked(merchant, merchant.pay(payment(Payments.SUCCESS, "864", 50_001, "EUR")));
        assertNotBlocked(otherMerchant, otherMerchant.pay(payment(Payments.SUCCESS, "864", 50_001, "USD")));
    }
}
