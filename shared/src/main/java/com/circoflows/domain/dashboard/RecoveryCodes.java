package com.circoflows.domain.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Single-use codes that stand in for the authenticator app when the phone is lost. Each is 10 characters
 * from an alphabet without look-alikes (no 0/o, 1/i/l), about 49.5 bits, shown as {@code xxxxx-xxxxx}.
 * Only the SHA-256 of each is stored; using one removes its hash from the user's list. A fast hash
 * makes 49.5 bits safe against online guessing but not against a long offline search of a leaked
 * table; that is tolerable because a code replaces only the second factor: the password is still needed.
 */
public final class RecoveryCodes {
    static final int COUNT = 10;
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int LENGTH = 10;
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static IssuedRecoveryCodes issue() {
        return issue(RANDOM);
    }

    /** For tests; production codes come from {@link #issue()}'s SecureRandom. */
    static IssuedRecoveryCodes issue(RandomGenerator random) {
        List<String> codes = new ArrayList<>(COUNT);
        List<String> hashes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            String code = randomCode(random);
            // Ten codes of 49.5 bits never collide in practice; the check keeps "ten usable codes" true regardless.
            if (!codes.contains(code)) {
                codes.add(code);
                hashes.add(hash(code));
            }
        }
        return new IssuedRecoveryCodes(codes, hashes);
    }

    /**
     * The index in {@code storedHashes} of the code the user typed, or -1. Case, spaces and dashes do not
     * matter. Every stored hash is compared, in constant time, so the time taken does not tell which one
     * matched or how closely.
     */
    public static int matchIndex(String typed, List<String> storedHashes) {
        if (typed == null) {
            return -1;
        }
        byte[] presented = hash(typed).getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        for (int i = 0; i < storedHashes.size(); i++) {
            String stored = storedHashes.get(i);
            boolean matches = stored != null
                    && MessageDigest.isEqual(presented, stored.getBytes(StandardCharsets.US_ASCII));
            if (matches && found < 0) {
                found = i;
            }
        }
        return found;
    }

    /** The stored form: lower-case hex SHA-256 of the code without case, spaces or dashes. */
    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String randomCode(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == GROUP) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
