package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void dammCheckDigitOf572IsFour() {
        assertEquals('4', Damm.checkDigit("572"));
        assertTrue(Damm.isValid("5724"));
        assertFalse(Damm.isValid("5723"));
    }

    @Test
    void dammCatchesEverySingleWrongDigitAndEveryNeighbourSwapOfDifferentDigits() {
        for (int n = 0; n < 10_000; n++) {
            String digits = String.format("%04d", n);
            String valid = digits + Damm.checkDigit(digits);
            for (int i = 0; i < valid.length(); i++) {
                for (char other = '0'; other <= '9'; other++) {
                    if (other != valid.charAt(i)) {
                        String typo = valid.substring(0, i) + other + valid.substring(i + 1);
                        assertFalse(Damm.isValid(typo), typo);
                    }
                }
                if (i + 1 < valid.length() && valid.charAt(i) != valid.charAt(i + 1)) {
                    String swap = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
                    assertFalse(Damm.isValid(swap), swap);
                }
            }
        }
    }

    @Test
    void mod97ReadsLettersAsTwoDigits() {
        assertEquals(Mod97.remainder("1011"), Mod97.remainder("AB"));
        assertEquals(1, Mod97.remainder("370400440532013000DE89"));
    }

    @Test
    void mod97CheckDigitsAreAlwaysTwoToNinetyEight() {
        for (int n = 0; n < 5_000; n++) {
            int checkDigits = Integer.parseInt(Mod97.checkDigitsFor(n + "RF00"));
            assertTrue(checkDigits >= 2 && checkDigits <= 98, "got " + checkDigits);
        }
    }
}
