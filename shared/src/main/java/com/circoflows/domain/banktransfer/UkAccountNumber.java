package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/**
 * A UK bank account number: eight digits under a {@link SortCode}. Shorter legacy numbers are padded by
 * the banks themselves before they reach Faster Payments, so eight is what is accepted here.
 * {@link #toString()} shows only the last four digits.
 */
public final class UkAccountNumber {

    static final int LENGTH = 8;
    private static final String PARAM = "account_number";

    private final String digits;

    private UkAccountNumber(String digits) {
        this.digits = digits;
    }

    /**
     * An account number as typed; spaces and separators are tolerated.
     *
     * @throws ApiException {@code invalid_request} (param account_number) when it is not eight digits
     */
    public static UkAccountNumber parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "account number");
        if (compact.length() != LENGTH || !BankText.isAsciiDigits(compact)) {
            throw BankDetailsRejection.of(PARAM, "A UK account number is eight digits.");
        }
        return new UkAccountNumber(compact);
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UkAccountNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return BankText.maskedToLastFour(digits);
    }
}
