package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoredCardTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final CardFingerprinter FINGERPRINTER =
            new CardFingerprinter("stored-card-test-key-32-bytes-long".getBytes(StandardCharsets.UTF_8));

    @Test
    void keepsBrandLastFourExpiryAndFingerprintOnly() {
        CardDetails card = CardDetails.validate("4242424242424242", "7", "2029", "123", CLOCK);

        StoredCard stored = StoredCard.from(card, FINGERPRINTER);

        assertEquals(CardBrand.VISA, stored.brand());
        assertEquals("4242", stored.last4());
        assertEquals(7, stored.expMonth());
        assertEquals(2029, stored.expYear());
        assertEquals(FINGERPRINTER.fingerprint(card.number()), stored.fingerprint());
        assertEquals(new CardExpiry(7, 2029), stored.expiry());
    }

    @Test
    void neverContainsThePanOrTheCvv() {
        CardDetails card = CardDetails.validate("378282246310005", "7", "2029", "9876", CLOCK);
        String shown = StoredCard.from(card, FINGERPRINTER).toString();
        assertFalse(shown.contains("378282246310005"), shown);
        assertFalse(shown.contains("378282"), shown);
        assertFalse(shown.contains("9876"), shown);
    }

    @Test
    void sameCardStoredTwiceHasTheSameFingerprint() {
        StoredCard first = StoredCard.from(CardDetails.validate("4242424242424242", "7", "2029", "123", CLOCK), FINGERPRINTER);
        StoredCard second = StoredCard.from(CardDetails.validate("4242 4242 4242 4242", "7", "2029", "321", CLOCK), FINGERPRINTER);
        assertEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void rejectsValuesThatCannotDescribeACard() {
        assertThrows(IllegalArgumentException.class, () -> new StoredCard(CardBrand.VISA, "424", 7, 2029, "ab"));
        assertThrows(IllegalArgumentException.class, () -> new StoredCard(CardBrand.VISA, "42a2", 7, 2029, "ab"));
        assertThrows(IllegalArgumentException.class, () -> new StoredCard(CardBrand.VISA, "4242", 13, 2029, "ab"));
        assertThrows(IllegalArgumentException.class, () -> new StoredCard(CardBrand.VISA, "4242", 7, 29, "ab"));
        assertThrows(IllegalArgumentException.class, () -> new StoredCard(CardBrand.VISA, "4242", 7, 2029, " "));
        assertThrows(NullPointerException.class, () -> new StoredCard(null, "4242", 7, 2029, "ab"));
    }
}
