package com.circoflows.domain.banktransfer;

import java.util.Locale;

/** How account details typed by people are tidied before they are checked. */
final class BankText {

    // Longer input is refused before it is copied around; every format here is far shorter.
    static final int LONGEST_RAW_INPUT = 100;

    private BankText() {
    }

    /** Upper case without spaces (any kind) and the separators people put between groups: - . / _ */
    static String compactUpperCase(String input) {
        StringBuilder compact = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && "-./_".indexOf(c) < 0) {
                compact.append(c);
            }
        }
        return compact.toString().toUpperCase(Locale.ROOT);
    }

    /** True for a non-empty run of 0-9; Character.isDigit would also let Arabic-Indic and other digits in. */
    static boolean isAsciiDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(BankText::isAsciiDigit);
    }

    /** True for a non-empty run of A-Z and 0-9. */
    static boolean isUpperAlphanumeric(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> isAsciiDigit(c) || isAsciiUpperLetter(c));
    }

    static boolean isAsciiUpperLetters(String text) {
        return !text.isEmpty() && text.chars().allMatch(BankText::isAsciiUpperLetter);
    }

    /** The text in groups of four separated by a space, as IBANs and creditor references are printed. */
    static String inGroupsOfFour(String text) {
        StringBuilder printed = new StringBuilder(text.length() + text.length() / 4);
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                printed.append(' ');
            }
            printed.append(text.charAt(i));
        }
        return printed.toString();
    }

    /** "****" and the last four characters: enough to recognise an account, too little to use it. */
    static String maskedToLastFour(String text) {
        return "****" + text.substring(Math.max(0, text.length() - 4));
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiUpperLetter(int c) {
        return c >= 'A' && c <= 'Z';
    }
}
