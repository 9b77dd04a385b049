package com.circoflows.domain.card;

/** The mod-10 check digit every payment card number carries, which catches most typing slips. */
final class Luhn {

    private Luhn() {
    }

    /** True when the check digit is right; {@code digits} must contain ASCII digits only. */
    static boolean isValid(String digits) {
        int sum = 0;
        boolean doubleThisDigit = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleThisDigit) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleThisDigit = !doubleThisDigit;
        }
        return sum % 10 == 0;
    }
}
