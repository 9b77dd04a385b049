package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** The bank transfer scheme a payment in each currency is paid through, and so the account details it shows. */
public enum TransferScheme {
    /** SEPA credit transfer: the payer needs the IBAN and the BIC. */
    SEPA_CREDIT_TRANSFER("EUR", "SEPA credit transfer"),
    /** UK Faster Payments: the payer needs the account number and the sort code. */
    FASTER_PAYMENTS("GBP", "Faster Payments"),
    /** US ACH or wire: the payer needs the account number and the ABA routing number. */
    ACH_OR_WIRE("USD", "ACH or wire transfer");

    /** What a request in any other currency is told. */
    public static final String SUPPORTED_CURRENCIES_MESSAGE = "Bank transfers accept EUR, GBP and USD.";

    private final Currency currency;
    private final String displayName;

    TransferScheme(String currencyCode, String displayName) {
        this.currency = Currency.getInstance(currencyCode);
        this.displayName = displayName;
    }

    public Currency currency() {
        return currency;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<TransferScheme> forCurrency(Currency currency) {
        return Arrays.stream(values()).filter(scheme -> scheme.currency.equals(currency)).findFirst();
    }

    /** By ISO 4217 code in any case; empty for a currency without a scheme or no currency at all. */
    public static Optional<TransferScheme> forCurrency(String currencyCode) {
        if (currencyCode == null) {
            return Optional.empty();
        }
        String upper = currencyCode.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scheme -> scheme.currency.getCurrencyCode().equals(upper)).findFirst();
    }

    /**
     * The scheme of a bank-transfer payment's currency.
     *
     * @throws ApiException {@code invalid_currency} (param currency) naming the currencies that have one
     */
    public static TransferScheme requireForCurrency(Currency currency) {
        return forCurrency(currency).orElseThrow(() -> ApiException.withParam(ErrorCode.INVALID_CURRENCY, "currency",
                "Bank transfers are not available in " + currency.getCurrencyCode() + ". "
                        + SUPPORTED_CURRENCIES_MESSAGE));
    }
}
