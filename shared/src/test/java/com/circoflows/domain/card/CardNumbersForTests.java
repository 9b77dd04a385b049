package com.circoflows.domain.card;

/** Builds card numbers for tests with their check digit computed independently of {@link Luhn}. */
final class CardNumbersForTests {

    private CardNumbersForTests() {
    }

    /** Pads {@code prefix} with zeros to {@code length - 1} digits and appends the right check digit. */
    static String validNumber(String prefix, int length) {
        StringBuilder body = new StringBuilder(prefix);
        while (body.length() < length - 1) {
            body.append('0');
        }
        return body.toString() + checkDigitFor(body.toString());
    }

    /** The same number with its check digit off by one, so it fails the Luhn test. */
    static String withWrongCheckDigit(String validNumber) {
        int last = validNumber.charAt(validNumber.length() - 1) - '0';
        return validNumber.substring(0, validNumber.length() - 1) + ((last + 1) % 10);
    }

    private static int checkDigitFor(String body) {
        int sum = 0;
        for (int position = 0; position < body.length(); position++) {
            int digit = body.charAt(body.length() - 1 - position) - '0';
            // The check digit will sit at position 0, so the body's rightmost digit is doubled.
            int weighted = position % 2 == 0 ? digit * 2 : digit;
            sum += weighted / 10 + weighted % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
