package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/**
 * A US bank account number as ACH and wires carry it: 4 to 17 digits, with no check digit of its own
 * (each bank has its own format). {@link #toString()} shows only the last four digits.
 */
public final class UsAccountNumber {

    static final int SHORTEST = 4;
    static final int LONGEST = 17;
    private static final String PARAM = "account_number";

    private final String digits;

    private UsAccountNumber(String digits) {
        this.digits = digits;
    }

    /**
     * An account number as typed; spaces and separators are tolerated, leading zeros are kept (they are
     * part of the number at many banks).
     *
     * @throws ApiException {@code invalid_request} (param account_number) when it is not 4 to 17 digits
     */
    public static UsAccountNumber parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "account number");
        if (compact.length() < SHORTEST || compact.length() > LONGEST || !BankText.isAsciiDigits(compact)) {
            throw BankDetailsRejection.of(PARAM, "A US account number is 4 to 17 digits.");
        }
        return new UsAccountNumber(compact);
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsAccountNumber number && number.digits.equals(digits);
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
