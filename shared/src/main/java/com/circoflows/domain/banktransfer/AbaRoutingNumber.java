package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;

/**
 * An ABA routing transit number: the nine digits that name a US bank for ACH and wires. Its last digit
 * is a check: 3 × (d1 + d4 + d7) + 7 × (d2 + d5 + d8) + (d3 + d6 + d9) is a multiple of 10.
 */
public record AbaRoutingNumber(String digits) {

    private static final String PARAM = "routing_number";
    private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};

    public AbaRoutingNumber {
        if (digits == null || !isWellFormed(digits)) {
            throw new IllegalArgumentException("A routing number is nine digits passing the ABA checksum");
        }
    }

    /**
     * A routing number as typed; spaces and separators are tolerated.
     *
     * @throws ApiException {@code invalid_request} (param routing_number) when it is not nine digits or its
     *     check digit does not match
     */
    public static AbaRoutingNumber parse(String typed) {
        String compact = BankDetailsRejection.compactOrReject(typed, PARAM, "routing number");
        if (compact.length() != 9 || !BankText.isAsciiDigits(compact)) {
            throw BankDetailsRejection.of(PARAM, "A routing number is nine digits.");
        }
        if (!passesChecksum(compact)) {
            throw BankDetailsRejection.of(PARAM, "The routing number's check digit does not match: a digit is "
                    + "probably mistyped.");
        }
        return new AbaRoutingNumber(compact);
    }

    private static boolean isWellFormed(String text) {
        return text.length() == 9 && BankText.isAsciiDigits(text) && passesChecksum(text);
    }

    // All zeros satisfies the arithmetic but names no bank.
    private static boolean passesChecksum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        return sum % 10 == 0 && !nineDigits.equals("000000000");
    }

    @Override
    public String toString() {
        return digits;
    }
}
