package com.circoflows.domain.dashboard;

/**
 * The HMAC behind a TOTP code. Authenticator apps agree on SHA1 (and many ignore the otpauth
 * {@code algorithm} parameter), so that is what we issue; SHA256 and SHA512 exist for RFC 6238's
 * test vectors.
 */
public enum TotpAlgorithm {
    SHA1("HmacSHA1", "SHA1"),
    SHA256("HmacSHA256", "SHA256"),
    SHA512("HmacSHA512", "SHA512");

    private final String macName;
    private final String uriName;

    TotpAlgorithm(String macName, String uriName) {
        this.macName = macName;
        this.uriName = uriName;
    }

    /** The javax.crypto.Mac algorithm name. */
    String macName() {
        return macName;
    }

    /** The value of the otpauth URI's {@code algorithm} parameter. */
    String uriName() {
        return uriName;
    }
}
