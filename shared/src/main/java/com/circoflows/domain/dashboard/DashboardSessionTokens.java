package com.circoflows.domain.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dashboard session tokens and the CSRF tokens of their forms. A session token is 256 random bits, so
 * the plain SHA-256 it is stored under cannot be reversed by guessing; a CSRF token is an HMAC of the
 * form's action under the session's own secret, so it is good for that form of that session only, and
 * needs no storage of its own.
 */
public final class DashboardSessionTokens {
    private static final int RANDOM_BYTES = 32;
    /** 32 bytes as unpadded base64url. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HMAC = "HmacSHA256";

    private final SecureRandom random;
    private final Clock clock;

    public DashboardSessionTokens(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public IssuedDashboardSession issue(String userId, String merchantId) {
        String token = randomBase64url();
        Instant now = clock.instant();
        DashboardSession session = new DashboardSession(hash(token), userId, merchantId, now, now,
                now.plus(DashboardSession.ABSOLUTE_LIFETIME), randomBase64url(), false);
        return new IssuedDashboardSession(token, session);
    }

    /**
     * A sign-in waiting for its second factor: a token like a session's, stored the same way, but
     * flagged pending and good for {@link DashboardSession#PENDING_LIFETIME} only.
     */
    public IssuedDashboardSession issuePendingSecondFactor(String userId, String merchantId) {
        String token = randomBase64url();
        Instant now = clock.instant();
        DashboardSession session = new DashboardSession(hash(token), userId, merchantId, now, now,
                now.plus(DashboardSession.PENDING_LIFETIME), randomBase64url(), true);
        return new IssuedDashboardSession(token, session);
    }

    /**
     * The store key for a token from a cookie; empty when the text cannot be one of ours, which then
     * costs no read.
     */
    public Optional<String> tokenHashOf(String presentedToken) {
        if (presentedToken == null || !TOKEN_SHAPE.matcher(presentedToken).matches()) {
            return Optional.empty();
        }
        return Optional.of(hash(presentedToken));
    }

    /** @param formAction what the form does, the same text when the page is made and when it is posted */
    public String csrfToken(DashboardSession session, String formAction) {
        return BASE64URL.encodeToString(hmac(session, formAction));
    }

    public boolean csrfTokenMatches(DashboardSession session, String formAction, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = csrfToken(session, formAction).getBytes(StandardCharsets.US_ASCII);
        // Constant time: one that stopped at the first wrong byte would let response times reveal it byte by byte.
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private String randomBase64url() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] hmac(DashboardSession session, String formAction) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(session.csrfSecret()), HMAC));
            return mac.doFinal(formAction.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available and takes any key", e);
        }
    }
}
