package com.circoflows.domain.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A merchant's webhook signing secret in the form shown to the merchant: {@code whsec_} followed by
 * standard base64 (with padding) of random bytes, as Standard Webhooks defines it. The shown string
 * is itself the key of {@code X-Webhook-Signature} (so the reference's PHP snippet verifies it
 * unchanged); the decoded bytes are the key of {@code webhook-signature}.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    /** Standard Webhooks asks for 24 to 64 bytes; a shorter key is too weak to sign payments with. */
    private static final int MIN_KEY_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] key;

    private WebhookSecret(String value, byte[] key) {
        this.value = value;
        this.key = key;
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), key);
    }

    /** Reads a secret as stored or shown; the exact string is kept, since it is also a signing key. */
    public static WebhookSecret of(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " followed by standard base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds at least " + MIN_KEY_BYTES + " bytes");
        }
        return new WebhookSecret(value, key);
    }

    /** The full string as shown to the merchant, {@code whsec_} included. */
    public String value() {
        return value;
    }

    /** The Standard Webhooks signing key: the base64-decoded part after {@code whsec_}. */
    public byte[] standardWebhooksKey() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing a secret never leaks how much of it matched.
        return other instanceof WebhookSecret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
