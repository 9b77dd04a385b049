package com.circoflows.benchmarks.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Card numbers for the load's successful payments: random, Luhn-valid, 4242-prefixed Visa numbers,
 * which the test gateway approves like 4242424242424242. A different card per payment keeps the
 * load from looking like one card paying thousands of times.
 */
final class TestCardNumbers {
    static final String DECLINED = "4000000000000002";
    static final String THREE_D_SECURE = "4000000000003220";

    private TestCardNumbers() {
    }

    static String randomApproved() {
        StringBuilder digits = new StringBuilder("4242");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (digits.length() < 15) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** The digit that makes {@code partial} + digit pass the mod-10 check. */
    static int checkDigit(CharSequence partial) {
        int sum = 0;
        boolean doubled = true;
        for (int i = partial.length() - 1; i >= 0; i--) {
            int digit = partial.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
