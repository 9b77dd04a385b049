package com.circoflows.testing;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.TransactionStatus;
import java.util.Currency;

/** The amounts a payment in a given status holds when nothing was refunded: captured in full once completed. */
public final class TestAmounts {
    private TestAmounts() {
    }

    public static PaymentAmounts of(TransactionStatus status, long minorUnits, String currency) {
        Money amount = new Money(minorUnits, Currency.getInstance(currency));
        return status == TransactionStatus.COMPLETED ? PaymentAmounts.capturedInFull(amount)
                : PaymentAmounts.authorizedOnly(amount);
    }
}
