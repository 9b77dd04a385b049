package com.circoflows.domain.keys;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One deployment secret, one independent key per purpose (HMAC-SHA256 of the purpose label), so a
 * key leaked from one use says nothing about another.
 */
public final class DerivedKeys {
    public static final String CARD_FINGERPRINT = "circoflows/card-fingerprint/v1";
    public static final String PAGE_TOKEN = "circoflows/page-token/v1";
    public static final String DASHBOARD_VISITOR_FORM = "circoflows/dashboard-visitor-form/v1";
    private static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    public DerivedKeys(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the app secret key must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] keyFor(String purpose) {
        return Hmac.sha256(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DerivedKeys[secret hidden]";
    }

    /** HMAC-SHA256; a new Mac per call keeps it thread-safe. */
    public static final class Hmac {
        private Hmac() {
        }

        public static byte[] sha256(byte[] key, byte[] message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(message);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is always available", e);
            }
        }
    }
}
