package com.circoflows.domain.money;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in a currency's minor unit (cents for USD, yen for JPY, fils for KWD).
 *
 * <p>{@link #of} is the door for amounts a caller asks us to charge: it applies the per-currency
 * minimum. The canonical constructor only guards what every stored amount satisfies, so records
 * written before a minimum was raised can still be read back. Zero is a stored amount too (nothing
 * captured or refunded yet); arithmetic never mixes currencies.
 */
public record Money(long minorUnits, Currency currency) {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Za-z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!CurrencyRules.isSupported(currency)) {
            throw new IllegalArgumentException("Unsupported currency: " + currency);
        }
        if (minorUnits < 0 || minorUnits > CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS) {
            throw new IllegalArgumentException("Amount out of range: " + minorUnits);
        }
    }

    /**
     * A chargeable amount from request fields. The currency code may be lower case, as Stripe
     * clients often send it.
     *
     * @throws ApiException {@code invalid_currency} (param currency) or {@code invalid_amount} (param amount)
     */
    public static Money of(long minorUnits, String currencyCode) {
        Currency currency = parseCurrency(currencyCode);
        long minimum = CurrencyRules.minimumChargeMinorUnits(currency);
        if (minorUnits < minimum) {
            throw invalidAmount("Amount must be at least %d (%s).", minimum, currency);
        }
        if (minorUnits > CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS) {
            throw invalidAmount("Amount must be at most %d (%s).", CurrencyRules.MAXIMUM_AMOUNT_MINOR_UNITS, currency);
        }
        return new Money(minorUnits, currency);
    }

    /**
     * A supported currency from a request field, upper-casing it first.
     *
     * @throws ApiException {@code invalid_currency} with param currency, or {@code invalid_request} when absent
     */
    public static Currency parseCurrency(String currencyCode) {
        if (currencyCode == null) {
            throw ApiException.invalidParam("currency", "Missing required param: currency.");
        }
        if (!THREE_LETTERS.matcher(currencyCode).matches()) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY,
                    "Currency must be a three-letter ISO 4217 code such as USD.", "currency", null);
        }
        String normalised = currencyCode.toUpperCase(Locale.ROOT);
        return CurrencyRules.supportedCurrency(normalised)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_CURRENCY,
                        "Currency " + normalised + " is not supported.", "currency", null));
    }

    /** Nothing, in a currency: what an authorisation has captured or refunded before anything was. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** @throws IllegalArgumentException when the currencies differ or the sum is out of range */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** @throws IllegalArgumentException when the currencies differ or the result would be negative */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(minorUnits - other.minorUnits, currency);
    }

    public boolean isMoreThan(Money other) {
        requireSameCurrency(other);
        return minorUnits > other.minorUnits;
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in major units, exact: USD 1050 is 10.50, JPY 5000 is 5000, KWD 1250 is 1.250. */
    public BigDecimal toMajorUnits() {
        return toMajorUnits(minorUnits, currency);
    }

    /** "USD 10.00", "JPY 5000", "KWD 1.250": no grouping and no symbol, so it reads the same in any locale. */
    public String formatPlain() {
        return formatPlain(minorUnits, currency);
    }

    private static BigDecimal toMajorUnits(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits).movePointLeft(CurrencyRules.minorUnitExponent(currency));
    }

    private static String formatPlain(long minorUnits, Currency currency) {
        return currency.getCurrencyCode() + " " + toMajorUnits(minorUnits, currency).toPlainString();
    }

    private static ApiException invalidAmount(String template, long limit, Currency currency) {
        String message = String.format(Locale.ROOT, template, limit, formatPlain(limit, currency));
        return new ApiException(ErrorCode.INVALID_AMOUNT, message, "amount", null);
    }
}
