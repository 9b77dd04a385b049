package com.circoflows.domain.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How API key secrets are stored: {@code sha256:} and the unpadded base64url SHA-256 of the secret.
 * A secret is 32 random base62 characters (about 190 bits), so nobody can find one from its hash by
 * guessing, however fast each guess; a slow hash would add no protection, only CPU on every cache miss
 * and on every wrong guess. Human passwords, which are guessable, need {@link BcryptSecretHasher}.
 */
public final class Sha256SecretHasher implements SecretHasher {
    static final String PREFIX = "sha256:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Override
    public String hash(String secret) {
        return PREFIX + ENCODER.encodeToString(digest(secret));
    }

    @Override
    public boolean matches(String secret, String storedHash) {
        if (!recognises(storedHash)) {
            return false;
        }
        byte[] stored;
        try {
            stored = DECODER.decode(storedHash.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(stored, digest(secret));
    }

    @Override
    public boolean recognises(String storedHash) {
        return storedHash != null && storedHash.startsWith(PREFIX);
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
