package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
    @ValueSource(strings = {"4242.4242.4242.4242", "4242_4242_4242_4242", "4242/4242/4242/4242",
            "4242  4242  4242  4242", "4242 - 4242 - 4242 - 4242", "4242.4242-4242_4242", "4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2",
            "3782.822463.10005", "note:4242.4242.4242.4242", "4242.4242.4242.4242 12/30", "ref 99 4242424242424242"})
    void findsACardNumberWrittenWithAnySeparators(String text) {
        assertTrue(CardNumberDetector.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/return?card=4242424242424242",
            "https://shop.example/return?c=4242%204242%204242%204242", "https://shop.example/r?c=4242%2E4242%2E4242%2E4242",
            "https://shop.example/r?c=4242+4242+4242+4242", "https://shop.example/r?c=4242%252E4242%252E4242%252E4242",
            "https://shop.example/r?c=%3424242424242424%32",
            "https://shop.example/4242-4242-4242-4242/done", "https://shop.example/r#4242_4242_4242_4242"})
    void findsACardNumberInAUrlHoweverItIsEncoded(String url) {
        assertTrue(CardNumberDetector.containsCardNumber(url), url);
    }

    @Test
    void findsACardNumberWrittenInOtherScriptsDigits() {
        assertTrue(CardNumberDetector.containsCardNumber("\uFF14\uFF12\uFF14\uFF12".repeat(4)), "full-width digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-12345", "4242424242424241", "order 1234567890", "+1234567890",
            "2026-11-23T12:00:00Z", "42424242424242424242424", "", "2025-08-23T23:59:59.123456+00:00",
            "2025-08-23T23:59:59.123456789Z", "2025-08-23 23:59:59.123456789+00:00", "192.168.100.200",
            "https://shop.example/webhooks/payment?order=12345&attempt=2", "txn_AbC123dEf456GhI789jKl012",
            "4242.4242.4242.4241", "100%25 of 4242"})
    void leavesOrdinaryTextAlone(String text) {
        assertFalse(CardNumberDetector.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678-4242-4242-4242-424242424242", "ses_12345678-1234-4123-8123-123456789012",
            "00000000-4242-4242-4242-000000000000", "A1B2C3D4-1234-4567-8901-234567890123"})
    void aUuidIsOneTokenNotDigitGroups(String text) {
        assertFalse(CardNumberDetector.containsCardNumber(text), text);
    }

    @Test
    void randomUuidIdempotencyKeysAreNeverRefusedAsCardNumbers() {
        java.util.Random random = new java.util.Random(20261205L);
        for (int i = 0; i < 200_000; i++) {
            String key = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            assertFalse(CardNumberDetector.containsCardNumber(key), key);
            assertFalse(CardNumberDetector.containsCardNumber(key.toUpperCase(java.util.Locale.ROOT)), key);
        }
    }

    @Test
    void aCardNumberBesideAUuidIsStillFound() {
        assertTrue(CardNumberDetector.containsCardNumber("4242 4242 4242 4242 123e4567-e89b-12d3-a456-426614174000"));
        assertTrue(CardNumberDetector.containsCardNumber("123e4567-e89b-12d3-a456-426614174000/4242.4242.4242.4242"));
    }

    @Test
    void maskHidesEveryDigitOfEveryCardNumberAndNothingElse() {
        assertEquals("GET /api/direct-payment/****.****.****.****/x took 12 ms",
                CardNumberDetector.mask("GET /api/direct-payment/4242.4242.4242.4242/x took 12 ms"));
        assertEquals("a=****************&b=****%20****%20****%20**** order 1234",
                CardNumberDetector.mask("a=4242424242424242&b=5105%201051%200510%205100 order 1234"));
        assertEquals("nothing here 2026-11-23T12:00:00Z", CardNumberDetector.mask("nothing here 2026-11-23T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-12345", "order 1234567890", "2026-11-23T12:00:00Z", ""})
    void maskLeavesOrdinaryTextAsItIs(String text) {
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
