package com.circoflows.domain.wallet.googlepay;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One of Google's root signing keys, as its published key list gives it: only ECv2 keys are trusted, and
 * only until their expiry (a key without one does not expire).
 */
public record RootSigningKey(ECPublicKey key, String protocolVersion, Instant expiresAt) {
    public RootSigningKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
    }

    boolean trustedFor(String version, Instant now) {
        return protocolVersion.equals(version) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
