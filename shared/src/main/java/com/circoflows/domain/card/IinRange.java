package com.circoflows.domain.card;

/**
 * A range of issuer identification number prefixes, both ends inclusive and of the same width:
 * {@code new IinRange(2221, 2720)} matches numbers whose first four digits are 2221 to 2720.
 */
record IinRange(int low, int high) {

    IinRange {
        if (low > high || digitCount(low) != digitCount(high)) {
            throw new IllegalArgumentException("IIN range ends must have the same width: " + low + "-" + high);
        }
    }

    static IinRange prefix(int prefix) {
        return new IinRange(prefix, prefix);
    }

    boolean matches(String digits) {
        int width = digitCount(low);
        if (digits.length() < width) {
            return false;
        }
        int prefix = Integer.parseInt(digits.substring(0, width));
        return prefix >= low && prefix <= high;
    }

    private static int digitCount(int value) {
        return Integer.toString(value).length();
    }
}
