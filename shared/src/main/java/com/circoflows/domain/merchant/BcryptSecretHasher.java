package com.circoflows.domain.merchant;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt, as the API reference promises. The secret is 32 ASCII chars, under bcrypt's 72-byte cap. */
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
}
