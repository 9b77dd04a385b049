package com.circoflows.domain.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises the same card across payments without storing its number.
 *
 * <p>A plain hash would not do: there are few enough plausible PANs for a given IIN and last four
 * that an unkeyed SHA-256 can be reversed by brute force. Keying it with HMAC makes the fingerprint
 * worthless without the secret. Thread-safe: {@link Mac} is not, so each call gets its own.
 */
public final class CardFingerprinter {

    private static final String ALGORITHM = "HmacSHA256";
    // Below 128 bits the key itself becomes the brute-force target.
    private static final int MINIMUM_KEY_BYTES = 16;

    private final SecretKeySpec key;

    public CardFingerprinter(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "Card fingerprint key must be at least " + MINIMUM_KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** 64 lowercase hex characters; equal for equal card numbers under the same key. */
    public String fingerprint(CardNumber number) {
        Mac mac = newMac();
        byte[] digest = mac.doFinal(number.revealDigits().getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, so this means a broken runtime.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CardFingerprinter[key hidden]";
    }
}
