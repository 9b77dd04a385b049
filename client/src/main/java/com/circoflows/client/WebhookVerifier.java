package com.circoflows.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's signature, then reads its event. Two schemes, as the sender signs both:
 * <ul>
 * <li>Standard Webhooks (the default): {@code webhook-signature} holds space-separated
 * {@code v1,<base64 HMAC-SHA256>} entries over {@code webhook-id + "." + webhook-timestamp + "." + body},
 * keyed with the base64-decoded part of the secret after {@code whsec_}. The id and timestamp are signed,
 * so an old delivery replayed later is refused by the timestamp tolerance.</li>
 * <li>Legacy, when asked ({@link Builder#legacySignature(boolean)}): {@code X-Webhook-Signature} is the
 * lowercase hex HMAC-SHA256 of the body keyed with the whole secret string. It signs the body only, so it
 * cannot refuse a replay: prefer the default, and deduplicate on the event id either way.</li>
 * </ul>
 * Comparisons are constant-time; no reason given in an exception quotes the payload or a secret.
 */
public final class WebhookVerifier {
    static final String WEBHOOK_ID = "webhook-id";
    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    static final String WEBHOOK_SIGNATURE = "webhook-signature";
    static final String LEGACY_SIGNATURE = "X-Webhook-Signature";
    private static final String SECRET_PREFIX = "whsec_";

    private final Duration tolerance;
    private final Clock clock;
    private final boolean legacySignature;

    private WebhookVerifier(Builder builder) {
        this.tolerance = builder.tolerance;
        this.clock = builder.clock;
        this.legacySignature = builder.legacySignature;
    }

    static Builder builder() {
        return new Builder();
    }

    /** As {@link Webhooks#verify(String, Map, String...)}, with this verifier's settings. */
    public WebhookEvent verify(String payload, Map<String, String> headers, String... secrets) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(headers, "headers");
        if (secrets == null || secrets.length == 0) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null) {
                byName.put(name, value);
            }
        });
        if (legacySignature) {
            verifyLegacy(payload, byName, secrets);
        } else {
            verifyStandard(payload, byName, secrets);
        }
        return readEvent(payload);
    }

    private void verifyStandard(String payload, Map<String, String> headers, String[] secrets) {
        String id = required(headers, WEBHOOK_ID);
        String timestamp = required(headers, WEBHOOK_TIMESTAMP);
        String signatures = required(headers, WEBHOOK_SIGNATURE);
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("The " + WEBHOOK_TIMESTAMP + " header is not unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - sentAt) > tolerance.getSeconds()) {
            throw new WebhookVerificationException("The " + WEBHOOK_TIMESTAMP + " is outside the tolerance of "
                    + tolerance.getSeconds() + " s: an old delivery replayed, or a wrong clock");
        }
        List<byte[]> candidates = new ArrayList<>();
        for (String entry : signatures.trim().split(" +")) {
            if (entry.startsWith("v1,")) {
                try {
                    candidates.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException notBase64) {
                    // one malformed entry does not spoil the others
                }
            }
        }
        byte[] signed = (id + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(standardKey(secret), signed);
            for (byte[] candidate : candidates) {
                // no early exit: how many secrets or entries matched stays unobservable
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw new WebhookVerificationException("No " + WEBHOOK_SIGNATURE
                    + " entry matches any of the given secrets");
        }
    }

    private static void verifyLegacy(String payload, Map<String, String> headers, String[] secrets) {
        String signature = required(headers, LEGACY_SIGNATURE).trim();
        byte[] candidate = hexOrNull(signature);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String secret : secrets) {
            Objects.requireNonNull(secret, "secret");
            byte[] expected = hmac(secret.getBytes(StandardCharsets.UTF_8), body);
            matched |= candidate != null && MessageDigest.isEqual(expected, candidate);
        }
        if (!matched) {
            throw new WebhookVerificationException("The " + LEGACY_SIGNATURE + " does not match any of the given secrets");
        }
    }

    private static WebhookEvent readEvent(String payload) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new WebhookVerificationException("The signed payload is not JSON");
        }
        if (event == null || !event.isObject() || !event.path("id").isTextual() || !event.path("type").isTextual()) {
            throw new WebhookVerificationException("The signed payload is not a webhook event");
        }
        JsonNode createdAt = event.get("created_at");
        return new WebhookEvent(event.get("id").asText(), event.get("type").asText(),
                createdAt == null || createdAt.isNull() ? null : createdAt.asText(), event.get("data"));
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("The " + name + " header is missing");
        }
        return value;
    }

    /** A misconfigured secret is the merchant's bug, not a bad delivery: an IllegalArgumentException. */
    private static byte[] standardKey(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is whsec_ followed by standard base64");
        }
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] hexOrNull(String hex) {
        if (hex.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    public static final class Builder {
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private boolean legacySignature;

        private Builder() {
        }

        /** How far the {@code webhook-timestamp} may be from now, either way (default 5 minutes). */
        public Builder tolerance(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("tolerance must be zero or more");
            }
            tolerance = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Check {@code X-Webhook-Signature} instead of the Standard Webhooks headers. During a rotation's
         * window the sender keys it with the previous secret: give both secrets.
         */
        public Builder legacySignature(boolean value) {
            legacySignature = value;
            return this;
        }

        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
