package com.circoflows.domain.merchant;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;

/**
 * authentication_failed, with what was presented, so that the failure is counted where it cannot
 * hurt anyone else: against the key id it names, or against the client's address when it names no key.
 * The caller sees the same answer in every case.
 */
public final class ApiKeyRefused extends ApiException {
    private static final long serialVersionUID = 1L;
    private static final String INVALID_KEY = "Invalid API key provided.";

    /** What the Authorization header held. */
    public enum Presented {
        /** No header, another scheme, or text that cannot be one of our keys. */
        NO_KEY,
        /** A well-formed key whose lookup id no stored key has. */
        UNKNOWN_KEY_ID,
        /** The lookup id of an active stored key, with a wrong secret or the other mode's prefix. */
        KNOWN_KEY_ID,
        /** The lookup id of a revoked key, whatever the secret: refused for what it is. */
        REVOKED_KEY_ID
    }

    private final Presented presented;
    private final String keyId;

    private ApiKeyRefused(Presented presented, String keyId, String message) {
        super(ErrorCode.AUTHENTICATION_FAILED, message);
        this.presented = presented;
        this.keyId = keyId;
    }

    static ApiKeyRefused noKey(String message) {
        return new ApiKeyRefused(Presented.NO_KEY, null, message);
    }

    static ApiKeyRefused unknownKeyId() {
        return new ApiKeyRefused(Presented.UNKNOWN_KEY_ID, null, INVALID_KEY);
    }

    static ApiKeyRefused knownKeyId(String keyId) {
        return new ApiKeyRefused(Presented.KNOWN_KEY_ID, keyId, INVALID_KEY);
    }

    static ApiKeyRefused revokedKeyId(String keyId) {
        return new ApiKeyRefused(Presented.REVOKED_KEY_ID, keyId, INVALID_KEY);
    }

    public Presented presented() {
        return presented;
    }

    /** The stored key's lookup id when it names one (known or revoked), else null. */
    public String keyId() {
        return keyId;
    }
}
