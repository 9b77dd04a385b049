package com.circoflows.cli;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in minor units, shown as people read it: 1000 USD is "10.00 USD", 1000 JPY "1000 JPY". */
record Money(long minorUnits, String currency) {
    @Override
    public String toString() {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }
}
