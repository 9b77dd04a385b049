package com.circoflows.domain.banktransfer;

/**
 * The Damm check digit (H. Michael Damm, 2004): one decimal digit that catches every single wrong digit
 * and every swap of two neighbouring digits, which Luhn misses for 09/90. It guards the virtual account
 * numbers of schemes without a check of their own (a UK account number, a US account number), so a
 * payer's typo lands nowhere instead of on another customer's payment.
 */
final class Damm {

    // A totally anti-symmetric quasigroup of order 10, the one Damm's thesis gives.
    private static final int[][] TABLE = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    private Damm() {
    }

    /** The digit to append to {@code digits} (ASCII 0-9 only). */
    static char checkDigit(String digits) {
        return (char) ('0' + interim(digits));
    }

    /** True when the last digit of {@code digitsWithCheckDigit} (ASCII 0-9 only) is its Damm check digit. */
    static boolean isValid(String digitsWithCheckDigit) {
        return !digitsWithCheckDigit.isEmpty() && interim(digitsWithCheckDigit) == 0;
    }

    private static int interim(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = TABLE[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
