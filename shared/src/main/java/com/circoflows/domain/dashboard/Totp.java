package com.circoflows.domain.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): the HOTP code (RFC 4226) of the number of 30-second steps
 * since the epoch. {@link #standard()} is what authenticator apps show: HMAC-SHA1 and 6 digits.
 */
public final class Totp {
    public static final long STEP_SECONDS = 30;
    /** For a user who has never signed in with a code: every step is later than this one. */
    public static final long NO_STEP_USED = Long.MIN_VALUE;
    static final TotpAlgorithm STANDARD_ALGORITHM = TotpAlgorithm.SHA1;
    static final int STANDARD_DIGITS = 6;
    /**
     * One step either side of now: a phone clock a little off, or a code typed just as it changed, still
     * works; a code stays usable for at most 90 seconds.
     */
    private static final int DRIFT_STEPS = 1;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final TotpAlgorithm algorithm;
    private final int digits;

    /** @param digits 6 to 8: RFC 4226 asks for at least 6, and 31 bits of truncated HMAC hold no more than 9 */
    public Totp(TotpAlgorithm algorithm, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("a TOTP code has 6 to 8 digits, not " + digits);
        }
        this.digits = digits;
    }

    public static Totp standard() {
        return new Totp(STANDARD_ALGORITHM, STANDARD_DIGITS);
    }

    /** The time step {@code instant} falls in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code an authenticator app shows at {@code instant}. */
    public String codeAt(TotpSecret secret, Instant instant) {
        return codeForStep(secret, stepAt(instant));
    }

    /**
     * Accepts {@code typed} when it is the code of the current step or of one step either side, and that
     * step is later than {@code lastUsedStep} ({@link #NO_STEP_USED} for none).
     */
    public TotpVerification verify(TotpSecret secret, String typed, Instant now, long lastUsedStep) {
        String code = typed == null ? "" : typed.replace(" ", "");
        if (!isAsciiDigits(code, digits)) {
            return new TotpVerification.Refused(TotpVerification.Reason.MALFORMED);
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long acceptedStep = 0;
        boolean accepted = false;
        boolean replayed = false;
        // Every step of the window is computed and compared, so the time taken says nothing about which matched.
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected = codeForStep(secret, step).getBytes(StandardCharsets.US_ASCII);
            boolean matches = MessageDigest.isEqual(presented, expected);
            if (matches && step > lastUsedStep && !accepted) {
                accepted = true;
                acceptedStep = step;
            } else if (matches && step <= lastUsedStep) {
                replayed = true;
            }
        }
        if (accepted) {
            return new TotpVerification.Accepted(acceptedStep);
        }
        return new TotpVerification.Refused(
                replayed ? TotpVerification.Reason.ALREADY_USED : TotpVerification.Reason.WRONG_CODE);
    }

    /** The HOTP code (RFC 4226) of counter {@code step}. */
    String codeForStep(TotpSecret secret, long step) {
        byte[] hmac = hmac(secret.key(), ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        // Dynamic truncation (RFC 4226 5.3): the last nibble picks where 31 bits are read from.
        int offset = hmac[hmac.length - 1] & 0x0f;
        int truncated = ((hmac[offset] & 0x7f) << 24)
                | ((hmac[offset + 1] & 0xff) << 16)
                | ((hmac[offset + 2] & 0xff) << 8)
                | (hmac[offset + 3] & 0xff);
        String code = Integer.toString(truncated % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    private byte[] hmac(byte[] key, byte[] message) {
        try {
            // A Mac is not thread-safe, and a fresh one per code is cheap next to a sign-in.
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is always available", e);
        }
    }

    private static boolean isAsciiDigits(String code, int length) {
        if (code.length() != length) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
