package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.client.model.Payment;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signatures are computed here from the documented format (docs/webhooks.md "Payload and signatures"),
 * independently of the verifier, and once by the server's own WebhookSigner.
 */
class WebhooksTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(32, 101));
    private static final long NOW = 1_796_000_000L;
    private static final String EVENT_ID = "evt_0123456789abcdefghijklmn";
    private static final String PAYLOAD = "{\"id\":\"" + EVENT_ID + "\",\"type\":\"payment.succeeded\","
            + "\"created_at\":\"2026-12-04T16:53:05Z\",\"data\":{\"transaction_id\":\"txn_KxbXNBMSQnF8wV3zCCqKhp4y\","
            + "\"amount\":15000,\"currency\":\"USD\",\"status\":\"completed\"}}";

    private static WebhookVerifier verifier() {
        return Webhooks.verifier().clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();
    }

    private static Map<String, String> standardHeaders(long timestamp, String payload, String... secrets) {
        StringBuilder signatures = new StringBuilder();
        for (String secret : secrets) {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            byte[] mac = hmac(key, EVENT_ID + "." + timestamp + "." + payload);
            signatures.append(signatures.length() == 0 ? "" : " ").append("v1,")
                    .append(Base64.getEncoder().encodeToString(mac));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", EVENT_ID);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signatures.toString());
        return headers;
    }

    @Test
    void aValidSignatureGivesTheEvent() {
        WebhookEvent event = verifier().verify(PAYLOAD, standardHeaders(NOW, PAYLOAD, SECRET), SECRET);

        assertEquals(EVENT_ID, event.getId());
        assertEquals("payment.succeeded", event.getType());
        assertEquals(Instant.parse("2026-12-04T16:53:05Z"), event.getCreatedAt());
        assertEquals("completed", event.getDataAs(Payment.class).getStatus());
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        Map<String, String> headers = new HashMap<>();
        standardHeaders(NOW, PAYLOAD, SECRET).forEach((name, value) -> headers.put(name.toUpperCase(), value));

        assertEquals(EVENT_ID, verifier().verify(PAYLOAD, headers, SECRET).getId());
    }

    @Test
    void aTamperedPayloadIsRefused() {
        Map<String, String> headers = standardHeaders(NOW, PAYLOAD, SECRET);
        String tampered = PAYLOAD.replace("15000", "1");

        WebhookVerificationException refused = assertThrows(WebhookVerificationException.class,
                () -> verifier().verify(tampered, headers, SECRET));
        assertFalse(refused.getMessage().contains("txn_"), "the reason never quotes the payload");
    }

    @Test
    void aWrongSecretIsRefused() {
        assertThrows(WebhookVerificationException.class,
                () -> verifier().verify(PAYLOAD, standardHeaders(NOW, PAYLOAD, SECRET), NEW_SECRET));
    }

    @Test
    void anOldTimestampIsRefusedEvenWhenSigned() {
        long sixMinutesAgo = NOW - 360;

        assertThrows(WebhookVerificationException.class,
                () -> verifier().verify(PAYLOAD, standardHeaders(sixMinutesAgo, PAYLOAD, SECRET), SECRET));
    }

    @Test
    void theToleranceIsConfigurable() {
        long sixMinutesAgo = NOW - 360;
        WebhookVerifier lenient = Webhooks.verifier().tolerance(Duration.ofMinutes(10))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();

        assertEquals(EVENT_ID, lenient.verify(PAYLOAD, standardHeaders(sixMinutesAgo, PAYLOAD, SECRET), SECRET).getId());
    }

    @Test
    void eachMissingHeaderIsRefused() {
        for (String missing : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
            Map<String, String> headers = standardHeaders(NOW, PAYLOAD, SECRET);
            headers.remove(missing);

            WebhookVerificationException refused = assertThrows(WebhookVerificationException.class,
                    () -> verifier().verify(PAYLOAD, headers, SECRET));
            assertEquals("The " + missing + " header is missing", refused.getMessage());
        }
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        Map<String, String> headers = standardHeaders(NOW, PAYLOAD, NEW_SECRET, SECRET);

        assertEquals(EVENT_ID, verifier().verify(PAYLOAD, headers, SECRET).getId());
        assertEquals(EVENT_ID, verifier().verify(PAYLOAD, headers, NEW_SECRET).getId());
        assertEquals(EVENT_ID, verifier().verify(PAYLOAD, standardHeaders(NOW, PAYLOAD, NEW_SECRET),
                SECRET, NEW_SECRET).getId(), "the merchant's second configured secret is tried too");
    }

    @Test
    void theLegacyHeaderIsCheckedWhenAsked() {
        Map<String, String> headers = Map.of("X-Webhook-Signature",
                HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), PAYLOAD)));
        WebhookVerifier legacy = Webhooks.verifier().legacySignature(true).build();

        assertEquals(EVENT_ID, legacy.verify(PAYLOAD, headers, SECRET).getId());
        assertThrows(WebhookVerificationException.class, () -> legacy.verify(PAYLOAD, headers, NEW_SECRET));
        assertThrows(WebhookVerificationException.class,
                () -> legacy.verify(PAYLOAD.replace("15000", "1"), headers, SECRET));
        assertThrows(WebhookVerificationException.class, () -> verifier().verify(PAYLOAD, headers, SECRET),
                "by default the legacy header alone is not enough");
    }

    @Test
    void whatTheServersSignerSignsVerifies() {
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = new WebhookSigner().sign(EVENT_ID, now, PAYLOAD,
                WebhookSecret.of(NEW_SECRET), WebhookSecret.of(SECRET));

        assertEquals(EVENT_ID, Webhooks.verify(PAYLOAD, headers, NEW_SECRET).getId());
        assertEquals(EVENT_ID, Webhooks.verify(PAYLOAD, headers, SECRET).getId(), "the previous secret in its window");
        assertEquals(EVENT_ID, Webhooks.verifier().legacySignature(true).build()
                .verify(PAYLOAD, headers, SECRET).getId(), "the legacy header is keyed with the previous secret");
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int length, int first) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
