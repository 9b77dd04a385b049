package com.circoflows.domain.dashboard;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

/**
 * bcrypt for dashboard passwords. bcrypt reads at most 72 bytes and, in many implementations, stops at
 * a NUL byte; so the password is first reduced to the base64 of its SHA-256 (44 ASCII bytes, no NUL),
 * which keeps every byte of a long passphrase significant. The stored text is an ordinary bcrypt hash
 * of that digest, carrying its cost, so raising {@link #PRODUCTION_COST} later only needs
 * {@link #needsRehash} at the next successful sign-in.
 */
public final class PasswordHasher {
    /**
     * 2^12 rounds, about 0.3 s a check on one core of the machine this was written on: dear for each of
     * an attacker's guesses, unnoticed at sign-in. Above the 10 of {@link
     * com.circoflows.domain.merchant.BcryptSecretHasher} because people's passwords, unlike keys, are guessable.
     */
    public static final int PRODUCTION_COST = 12;
    private static final int SALT_BYTES = 16;
    private static final int RAW_HASH_BYTES = 23;

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be " + BCrypt.MIN_COST + " to " + BCrypt.MAX_COST + ", got " + cost);
        }
        this.cost = cost;
        this.dummyHash = randomHashOfCost(cost);
    }

    public String hash(String password) {
        return new String(BCrypt.withDefaults().hash(cost, prehash(password)), StandardCharsets.US_ASCII);
    }

    /** Constant time for a given stored hash; false, never an exception, for a damaged or foreign one. */
    public boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(prehash(password), stored.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException damaged) {
            return false;
        }
    }

    /** Whether {@code stored} was made at a lower cost than this hasher's, so it should be replaced now. */
    public boolean needsRehash(String stored) {
        if (stored == null) {
            return true;
        }
        try {
            return BCrypt.Version.VERSION_2A.parser.parse(stored.getBytes(StandardCharsets.US_ASCII)).cost < cost;
        } catch (IllegalBCryptFormatException | IllegalArgumentException unreadable) {
            return true;
        }
    }

    /**
     * Does the work of {@link #matches} against a hash no password matches: for a sign-in with an email
     * that has no account, so the answer takes as long as for one that has, and its timing does not tell
     * who has an account.
     */
    public void dummyVerify(String password) {
        matches(password == null ? "" : password, dummyHash);
    }

    /** The hash {@link #dummyVerify} checks against, for tests to see it has this hasher's cost. */
    String dummyHash() {
        return dummyHash;
    }

    /**
     * A well-formed hash of this cost whose digest is random bytes rather than bcrypt's output, so it
     * costs nothing to make at start-up (a cold start should not pay for one bcrypt run) and matches nothing.
     */
    private static String randomHashOfCost(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] rawHash = new byte[RAW_HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(rawHash);
        BCrypt.HashData data = new BCrypt.HashData(cost, BCrypt.Version.VERSION_2A, salt, rawHash);
        return new String(BCrypt.Version.VERSION_2A.formatter.createHashMessage(data), StandardCharsets.US_ASCII);
    }

    /**
     * NFC first: the same password typed on two systems may arrive as differently composed Unicode
     * (an "é" as one code point or as "e" and an accent) and must still match.
     */
    private static byte[] prehash(String password) {
        byte[] utf8 = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return Base64.getEncoder().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
