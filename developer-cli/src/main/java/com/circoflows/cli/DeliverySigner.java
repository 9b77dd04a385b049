package com.circoflows.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers the API's own deliveries carry (docs/webhooks.md "Payload and signatures"), so a receiver
 * verifies a forwarded event with the same code as a real one: {@code x-webhook-signature}, the hex
 * HMAC-SHA256 of the body keyed with the whole secret string, and the Standard Webhooks
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} ({@code v1,} and the base64
 * HMAC-SHA256 of {@code id.timestamp.body} keyed with the secret's decoded bytes).
 */
final class DeliverySigner {
    static final String USER_AGENT = "CircoFlows-Webhooks/1.0";

    private final SigningSecret secret;

    DeliverySigner(SigningSecret secret) {
        this.secret = secret;
    }

    /** @return header names in lower case, as the API sends them */
    Map<String, String> headers(String eventId, long timestampSeconds, String body) {
        byte[] signedContent = (eventId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        headers.put("x-webhook-signature", HexFormat.of().formatHex(
                hmacSha256(secret.value().getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8))));
        headers.put("webhook-id", eventId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature",
                "v1," + Base64.getEncoder().encodeToString(hmacSha256(secret.standardWebhooksKey(), signedContent)));
        return headers;
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
