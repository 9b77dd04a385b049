package com.circoflows.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.circoflows.testing.InMemoryApiKeyRepository;
import org.junit.jupiter.api.Test;

/**
 * The priming of the /api functions that only read their body as JSON runs through to its end: its
 * made-up payment body carries a card number in card_number, which the JSON reader must take there
 * (read as any other body, it is refused, and the priming stopped before the SDK's write types).
 */
class MerchantApiPrimingTest {
    @Test
    void theJsonOnlyPrimingRunsThroughItsSamplePayment() {
        MerchantApiPriming priming = new MerchantApiPriming(new InMemoryApiKeyRepository(), MerchantApiPriming.JSON_ONLY);

        assertDoesNotThrow(priming::run);
    }
}
