package com.circoflows.domain.webhook.signing;

import com.circoflows.domain.keys.DerivedKeys.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The headers that let a merchant trust a webhook. Two schemes side by side:
 * {@code x-webhook-signature} is what the reference documentation (and its PHP snippet) verifies;
 * the Standard Webhooks headers add replay protection, because the signed content includes the
 * event id and timestamp. During a secret rotation both secrets sign the Standard Webhooks header,
 * so a merchant may switch secrets at any point of the window. The reference header has room for one
 * signature, and its verifier (the reference's PHP snippet) takes one secret: it is signed with the
 * previous secret until the window ends, since that is the secret the merchant's deployed code holds
 * when it rotates; the merchant deploys the new secret, then ends the window early
 * (expire-previous-secret) or lets it run out, and from then on the new secret signs it.
 */
public final class WebhookSigner {
    public static final String SIGNATURE = "x-webhook-signature";
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    public static final String USER_AGENT = "CircoFlows-Webhooks/1.0";

    /**
     * @param previousOrNull the secret before the last rotation while it still signs, else null
     * @return request headers, names in lower case
     */
    public Map<String, String> sign(String eventId, long timestampSeconds, String body, WebhookSecret current,
            WebhookSecret previousOrNull) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(current, "current secret");
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("a webhook needs an event id to sign");
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] signedContent = (eventId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);

        String standardSignature = standardSignature(current, signedContent);
        if (previousOrNull != null) {
            standardSignature += " " + standardSignature(previousOrNull, signedContent);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        headers.put(SIGNATURE, referenceSignature(previousOrNull != null ? previousOrNull : current, bodyBytes));
        headers.put(WEBHOOK_ID, eventId);
        headers.put(WEBHOOK_TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(WEBHOOK_SIGNATURE, standardSignature);
        return Collections.unmodifiableMap(headers);
    }

    /** Keyed with the secret string as shown, {@code whsec_} included: that is what merchants paste into PHP. */
    private static String referenceSignature(WebhookSecret secret, byte[] body) {
        byte[] key = secret.value().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Hmac.sha256(key, body));
    }

    private static String standardSignature(WebhookSecret secret, byte[] signedContent) {
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(secret.standardWebhooksKey(), signedContent));
    }
}
