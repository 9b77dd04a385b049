package com.circoflows.domain.merchant;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt: for secrets people choose (passwords), and to verify the API key hashes stored before keys
 * moved to {@link Sha256SecretHasher}, which are rewritten on their next successful use. An API key
 * secret is 32 ASCII chars, under bcrypt's 72-byte cap.
 */
public final class BcryptSecretHasher implements SecretHasher {
    public static final int PRODUCTION_COST = 10;

    private final int cost;

    public BcryptSecretHasher(int cost) {
        this.cost = cost;
    }

    @Override
    public String hash(String secret) {
        return new String(BCrypt.withDefaults().hash(cost, secret.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(String secret, String storedHash) {
        return BCrypt.verifyer()
                .verify(secret.getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** $2a$, $2b$ or $2y$, then the cost: what this library and others write. */
    @Override
    public boolean recognises(String storedHash) {
        return storedHash != null && storedHash.length() > 4 && storedHash.startsWith("$2")
                && "aby".indexOf(storedHash.charAt(2)) >= 0 && storedHash.charAt(3) == '$';
    }
}
