package com.circoflows.testing;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardFingerprinter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Card fields valid relative to {@link TestClocks#NOW} (the reference's 12/2025 is in the past). */
public final class TestCardData {
    public static final String EXPIRY_MONTH = "12";
    public static final String EXPIRY_YEAR = "2030";
    public static final String CVV = "123";
    public static final String LUHN_INVALID = "4242424242424241";

    private TestCardData() {
    }

    public static CardDetails card(String pan) {
        return card(pan, TestClocks.fixed());
    }

    public static CardDetails card(String pan, Clock clock) {
        return CardDetails.validate(pan, EXPIRY_MONTH, EXPIRY_YEAR, CVV, clock);
    }

    public static CardFingerprinter fingerprinter() {
        return new CardFingerprinter("test-fingerprint-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    }

    /** The quick start's body, with a future expiry. */
    public static String quickStartJson(String pan) {
        return "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method\": \"card\", \"card_number\": \"" + pan
                + "\", \"expiry_month\": \"" + EXPIRY_MONTH + "\", \"expiry_year\": \"" + EXPIRY_YEAR
                + "\", \"cvv\": \"" + CVV + "\"}";
    }
}
