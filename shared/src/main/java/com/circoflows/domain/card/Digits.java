package com.circoflows.domain.card;

final class Digits {

    private Digits() {
    }

    /** True for a non-empty run of 0-9; Character.isDigit would also let Arabic-Indic and other digits in. */
    static boolean isAsciiDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
