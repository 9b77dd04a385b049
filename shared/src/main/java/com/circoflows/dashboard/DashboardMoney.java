package com.circoflows.dashboard;

import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as the dashboard shows and reads them: major units with the currency's own exponent
 * ("1,234.50 EUR", "1,234 JPY"), converted exactly from and to integer minor units.
 */
final class DashboardMoney {
    private DashboardMoney() {
    }

    static String show(Object minorUnits, Object currencyCode) {
        if (!(minorUnits instanceof Number number) || currencyCode == null) {
            return "—";
        }
        Currency currency = Currency.getInstance(currencyCode.toString());
        int exponent = CurrencyRules.minorUnitExponent(currency);
        BigDecimal major = BigDecimal.valueOf(number.longValue()).movePointLeft(exponent);
        DecimalFormat format = new DecimalFormat(exponent == 0 ? "#,##0" : "#,##0." + "0".repeat(exponent),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(major) + " " + currency.getCurrencyCode();
    }

    /**
     * Minor units from what a person typed in major units ("12.5" EUR → 1250); null when it is not an
     * amount with at most the currency's decimals.
     */
    static Long parse(String typed, String currencyCode) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int exponent = CurrencyRules.minorUnitExponent(Money.parseCurrency(currencyCode));
            BigDecimal major = new BigDecimal(typed.strip().replace(",", ""));
            if (major.signum() <= 0 || major.scale() > exponent) {
                return null;
            }
            return major.movePointRight(exponent).longValueExact();
        } catch (ArithmeticException | NumberFormatException notAnAmount) {
            return null;
        }
    }
}
