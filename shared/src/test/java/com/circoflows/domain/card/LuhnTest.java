package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4000000000000002", "4000000000003220", "4000000000009995",
            "4000000000000069", "4000000000000127", "4000000000000119", "4100000000000019", "5555555555554444",
            "378282246310005", "6011111111111117", "79927398713", "0"})
    void knownGoodNumbersPass(String digits) {
        assertTrue(Luhn.isValid(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4242424242424243", "79927398710", "378282246310006", "1"})
    void aWrongCheckDigitFails(String digits) {
        assertFalse(Luhn.isValid(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4244224242424242", "378822246310005"})
    void swappingTwoAdjacentDigitsIsCaught(String transposed) {
        assertFalse(Luhn.isValid(transposed));
    }
}
