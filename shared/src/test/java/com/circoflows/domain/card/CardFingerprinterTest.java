package com.circoflows.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CardFingerprinterTest {

    private static final byte[] KEY = "test-fingerprint-key-0123456789ab".getBytes(StandardCharsets.UTF_8);
    private static final CardNumber VISA = CardNumber.parse("4242424242424242");

    @Test
    void samePanGivesTheSameFingerprint() {
        CardFingerprinter fingerprinter = new CardFingerprinter(KEY);
        assertEquals(fingerprinter.fingerprint(VISA), fingerprinter.fingerprint(CardNumber.parse("4242 4242 4242 4242")));
        assertEquals(fingerprinter.fingerprint(VISA), new CardFingerprinter(KEY.clone()).fingerprint(VISA));
    }

    @Test
    void differentPansGiveDifferentFingerprints() {
        CardFingerprinter fingerprinter = new CardFingerprinter(KEY);
        assertNotEquals(fingerprinter.fingerprint(VISA), fingerprinter.fingerprint(CardNumber.parse("4000000000000002")));
    }

    @Test
    void differentKeysGiveDifferentFingerprints() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertNotEquals(new CardFingerprinter(KEY).fingerprint(VISA), new CardFingerprinter(otherKey).fingerprint(VISA));
    }

    @Test
    void fingerprintIsLowercaseHexHmacSha256OfThePanDigits() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("4242424242424242".getBytes(StandardCharsets.US_ASCII)));

        String fingerprint = new CardFingerprinter(KEY).fingerprint(VISA);

        assertEquals(expected, fingerprint);
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertFalse(fingerprint.contains("4242"));
    }

    @Test
    void changingTheCallersKeyArrayAfterwardsDoesNotChangeFingerprints() {
        byte[] key = KEY.clone();
        CardFingerprinter fingerprinter = new CardFingerprinter(key);
        String before = fingerprinter.fingerprint(VISA);
        key[0] ^= 1;
        assertEquals(before, fingerprinter.fingerprint(VISA));
    }

    @Test
    void keysShorterThanSixteenBytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CardFingerprinter(new byte[15]));
        assertThrows(NullPointerException.class, () -> new CardFingerprinter(null));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        assertFalse(new CardFingerprinter(KEY).toString().contains("test-fingerprint-key"));
    }

    @Test
    void concurrentCallsAgree() {
        CardFingerprinter fingerprinter = new CardFingerprinter(KEY);
        List<CardNumber> cards = List.of(VISA, CardNumber.parse("5555555555554444"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 2_000).parallel().forEach(i -> seen.add(fingerprinter.fingerprint(cards.get(i % 2))));
        assertEquals(2, seen.size());
    }
}
