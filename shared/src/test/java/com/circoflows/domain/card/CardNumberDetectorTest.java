package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberDetectorTest {
    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "card 4242424242424242 please", "4242 4242 4242 4242",
            "4242-4242-4242-4242", "amex 378282246310005", "x5105105105105100y"})
    void findsACardNumberHiddenInText(String text) {
        assertTrue(CardNumberDetector.containsCardNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-12345", "4242424242424241", "order 1234567890", "+1234567890",
            "2026-11-23T12:00:00Z", "42424242424242424242424", ""})
    void leavesOrdinaryTextAlone(String text) {
        assertFalse(CardNumberDetector.containsCardNumber(text));
        assertEquals(text, CardNumberDetector.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "card 4242424242424242 please|card **************** please",
        "4242-4242-4242-4242 and 5105 1051 0510 5100|****-****-****-**** and **** **** **** ****",
        "ORD-12345 x5105105105105100y|ORD-12345 x****************y",
    })
    void masksEveryCardNumberItFinds(String text, String masked) {
        assertEquals(masked, CardNumberDetector.mask(text));
    }
}
