package com.circoflows.domain.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The key a user's authenticator app shares with us. Only its base32 text leaves this package (to be
 * stored, and shown once as a QR code); the raw key stays here for {@link Totp}.
 */
public final class TotpSecret {
    /** 160 bits: the key length RFC 4226 recommends, as long as an HMAC-SHA1 output. */
    static final int GENERATED_BYTES = 20;
    /** RFC 4226 forbids shorter keys. */
    static final int MIN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private TotpSecret(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("a TOTP secret holds at least " + MIN_BYTES + " bytes");
        }
        this.key = key;
    }

    public static TotpSecret generate() {
        return generate(RANDOM);
    }

    /** For tests that need a known secret; production keys come from {@link #generate()}'s SecureRandom. */
    static TotpSecret generate(RandomGenerator random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new TotpSecret(key);
    }

    /** Reads a stored secret. @throws IllegalArgumentException when it is not base32 or too short */
    public static TotpSecret fromBase32(String text) {
        return new TotpSecret(Base32.decode(text));
    }

    /** RFC test vectors use ASCII seeds of 20, 32 and 64 bytes. */
    static TotpSecret ofBytes(byte[] key) {
        return new TotpSecret(key.clone());
    }

    /** The form to store, and the {@code secret} an authenticator app is given. */
    public String base32() {
        return Base32.encode(key);
    }

    /**
     * The Key URI an authenticator app reads from a QR code, e.g.
     * {@code otpauth://totp/CircoFlows:ana%40example.com?secret=...&issuer=CircoFlows&...}. The issuer goes
     * in both the label and the parameter: older apps read only the first, newer ones prefer the second.
     */
    public String otpauthUri(String issuer, String accountName) {
        String encodedIssuer = UriComponent.encode(labelPart(issuer, "issuer"));
        String encodedAccount = UriComponent.encode(labelPart(accountName, "account name"));
        return "otpauth://totp/" + encodedIssuer + ":" + encodedAccount
                + "?secret=" + base32()
                + "&issuer=" + encodedIssuer
                + "&algorithm=" + Totp.STANDARD_ALGORITHM.uriName()
                + "&digits=" + Totp.STANDARD_DIGITS
                + "&period=" + Totp.STEP_SECONDS;
    }

    /** The key for the HMAC; a copy, so no caller can change the secret. */
    byte[] key() {
        return key.clone();
    }

    // The Key URI Format forbids a colon in either part: apps split the label at the first one.
    private static String labelPart(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the " + what + " must be non-blank and hold no ':'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing secrets never leaks how much of them matched.
        return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
