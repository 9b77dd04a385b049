package com.circoflows.domain.money;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The currencies we accept and the smallest charge in each.
 *
 * <p>Minimums exist because card fees have a fixed part: below roughly USD 0.50 a charge costs more
 * than it earns. They follow Stripe's published minimums where Stripe has one, and otherwise a round
 * amount worth about USD 0.50. Minor-unit exponents come from ISO 4217 via {@link Currency}, so JPY
 * and KRW have none and the dinars (KWD, BHD, JOD, TND) and OMR have three.
 */
public final class CurrencyRules {

    /** Same ceiling in every currency: it bounds the amount field, not the value of the payment. */
    public static final long MAXIMUM_AMOUNT_MINOR_UNITS = 99_999_999L;

    private record MinimumCharge(String currencyCode, long minorUnits) {
    }

    private static final List<MinimumCharge> MINIMUM_CHARGES = List.of(
            new MinimumCharge("USD", 50),      // 0.50
            new MinimumCharge("EUR", 50),      // 0.50
            new MinimumCharge("GBP", 30),      // 0.30
            new MinimumCharge("CHF", 50),      // 0.50
            new MinimumCharge("CAD", 50),      // 0.50
            new MinimumCharge("AUD", 50),      // 0.50
            new MinimumCharge("NZD", 50),      // 0.50
            new MinimumCharge("SGD", 50),      // 0.50
            new MinimumCharge("HKD", 400),     // 4.00
            new MinimumCharge("JPY", 50),      // 50, no minor unit
            new MinimumCharge("KRW", 700),     // 700, no minor unit
            new MinimumCharge("SEK", 300),     // 3.00
            new MinimumCharge("NOK", 300),     // 3.00
            new MinimumCharge("DKK", 250),     // 2.50
            new MinimumCharge("PLN", 200),     // 2.00
            new MinimumCharge("CZK", 1_500),   // 15.00
            new MinimumCharge("HUF", 17_500),  // 175.00
            new MinimumCharge("RON", 200),     // 2.00
            new MinimumCharge("BGN", 100),     // 1.00
            new MinimumCharge("MXN", 1_000),   // 10.00
            // Stripe lists R$0.50 and ₹0.50, but those are settlement thresholds worth a few cents.
            new MinimumCharge("BRL", 300),     // 3.00
            new MinimumCharge("INR", 5_000),   // 50.00
            new MinimumCharge("AED", 200),     // 2.00
            new MinimumCharge("MYR", 200),     // 2.00
            new MinimumCharge("THB", 1_000),   // 10.00
            new MinimumCharge("ZAR", 1_000),   // 10.00
            new MinimumCharge("KWD", 200),     // 0.200, three minor digits
            new MinimumCharge("BHD", 200),     // 0.200
            new MinimumCharge("JOD", 400),     // 0.400
            new MinimumCharge("OMR", 200),     // 0.200
            new MinimumCharge("TND", 2_000));  // 2.000

    private static final Map<String, Currency> CURRENCIES_BY_CODE = new LinkedHashMap<>();
    private static final Map<Currency, Long> MINIMUMS = new LinkedHashMap<>();

    static {
        for (MinimumCharge rule : MINIMUM_CHARGES) {
            Currency currency = Currency.getInstance(rule.currencyCode());
            // Pseudo-currencies (XAU, XXX) report -1 digits; fail at class load rather than mis-scale money.
            int exponent = currency.getDefaultFractionDigits();
            boolean sane = exponent >= 0 && exponent <= 3
                    && rule.minorUnits() > 0 && rule.minorUnits() <= MAXIMUM_AMOUNT_MINOR_UNITS;
            if (!sane || MINIMUMS.put(currency, rule.minorUnits()) != null) {
                throw new IllegalStateException("Bad or duplicate currency rule: " + rule);
            }
            CURRENCIES_BY_CODE.put(rule.currencyCode(), currency);
        }
    }

    private CurrencyRules() {
    }

    /** The supported currency with exactly this (upper-case) code, if any. */
    public static Optional<Currency> supportedCurrency(String upperCaseCode) {
        return Optional.ofNullable(upperCaseCode).map(CURRENCIES_BY_CODE::get);
    }

    public static boolean isSupported(Currency currency) {
        return MINIMUMS.containsKey(currency);
    }

    public static Set<Currency> supportedCurrencies() {
        return Collections.unmodifiableSet(MINIMUMS.keySet());
    }

    /** How many decimal places the currency's minor unit has: USD 2, JPY 0, KWD 3. */
    public static int minorUnitExponent(Currency currency) {
        requireSupported(currency);
        return currency.getDefaultFractionDigits();
    }

    public static long minimumChargeMinorUnits(Currency currency) {
        requireSupported(currency);
        return MINIMUMS.get(currency);
    }

    private static void requireSupported(Currency currency) {
        if (!isSupported(currency)) {
            throw new IllegalArgumentException("Unsupported currency: " + currency);
        }
    }
}
