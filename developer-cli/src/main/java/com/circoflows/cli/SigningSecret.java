package com.circoflows.cli;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret listen signs its deliveries with, in the API's form: {@code whsec_} and standard base64 of
 * random bytes. The whole string keys {@code x-webhook-signature}; the decoded bytes key
 * {@code webhook-signature}.
 */
final class SigningSecret {
    static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    /** As the API requires of an endpoint secret (Standard Webhooks asks for 24 to 64 bytes). */
    private static final int MIN_KEY_BYTES = 24;

    private final String value;
    private final byte[] key;

    private SigningSecret(String value, byte[] key) {
        this.value = value;
        this.key = key;
    }

    /** A secret for one listen session only: the merchant's own secret is never rotated for it. */
    static SigningSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key), key);
    }

    /** @param source where it came from, for the error message */
    static SigningSecret of(String value, String source) {
        String secret = value.strip();
        if (!secret.startsWith(PREFIX)) {
            throw new UsageException(source + " must be a webhook secret, whsec_…");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + " must be whsec_ followed by standard base64, as the API shows it");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new UsageException(source + " is too short for a webhook secret (" + MIN_KEY_BYTES + " bytes at least)");
        }
        return new SigningSecret(secret, key);
    }

    String value() {
        return value;
    }

    byte[] standardWebhooksKey() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
