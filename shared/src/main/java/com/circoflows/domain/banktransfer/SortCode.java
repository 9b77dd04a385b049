package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/** A UK bank sort code: six digits identifying the branch, printed in pairs as 12-34-56. */
public record SortCode(String digits) {

    private static final String PARAM = "sort_code";

    public SortCode {
        if (digits == null || digits.length() != 6 || !BankText.isAsciiDigits(digits)) {
            throw new IllegalArgumentException("A sort code is six digits");
        }
    }

    /**
     * A sort code as typed: 12-34-56, 12 34 56 and 123456 are the same.
     *
     * @throws ApiException {@code invalid_request} (param sort_code) when it is not six digits
     */
    public static SortCode parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "sort code");
        if (compact.length() != 6 || !BankText.isAsciiDigits(compact)) {
            throw BankDetailsRejection.of(PARAM, "A sort code is six digits, such as 12-34-56.");
        }
        return new SortCode(compact);
    }

    /** 12-34-56. */
    public String printed() {
        return digits.substring(0, 2) + "-" + digits.substring(2, 4) + "-" + digits.substring(4);
    }

    @Override
    public String toString() {
        return printed();
    }
}
