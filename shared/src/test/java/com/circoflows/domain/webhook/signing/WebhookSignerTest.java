package com.circoflows.domain.webhook.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Checks the signer against verifiers written here from the two specifications (javax.crypto
 * directly, nothing shared with the signing code), as a merchant would write them.
 */
class WebhookSignerTest {
    private static final String BODY = "{\"id\":\"evt_3kTq9ZxW2mVb7NcR\",\"type\":\"payment.succeeded\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"data\":{\"amount\":1250,\"currency\":\"EUR\","
            + "\"description\":\"Caf\u00e9 cr\u00e8me\"}}";

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void referenceSignatureVerifiesAsThePhpSnippetDoesIt() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();

        Map<String, String> headers = signer.sign("evt_1", 1_767_225_600L, BODY, secret, null);

        // hash_equals(hash_hmac('sha256', $payload, $webhook_secret), $_SERVER['HTTP_X_WEBHOOK_SIGNATURE'])
        String expected = phpHashHmacSha256(BODY, secret.value());
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                headers.get("x-webhook-signature").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(headers.get("x-webhook-signature").matches("[0-9a-f]{64}"));
    }

    @Test
    void standardWebhooksSignatureVerifiesIndependently() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();

        Map<String, String> headers = signer.sign("evt_2", 1_767_225_601L, BODY, secret, null);

        assertEquals("evt_2", headers.get("webhook-id"));
        assertEquals("1767225601", headers.get("webhook-timestamp"));
        assertTrue(standardWebhooksVerify(headers, BODY, secret.value()));
    }

    @Test
    void duringRotationEachSecretVerifiesItsOwnEntry() throws Exception {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();

        Map<String, String> headers = signer.sign("evt_3", 1_767_225_602L, BODY, current, previous);

        String[] entries = headers.get("webhook-signature").split(" ");
        assertEquals(2, entries.length, "two entries separated by a single space");
        assertEquals("v1," + standardWebhooksSign(current.value(), "evt_3.1767225602." + BODY), entries[0]);
        assertEquals("v1," + standardWebhooksSign(previous.value(), "evt_3.1767225602." + BODY), entries[1]);
        assertTrue(standardWebhooksVerify(headers, BODY, current.value()));
        assertTrue(standardWebhooksVerify(headers, BODY, previous.value()));
        assertFalse(standardWebhooksVerify(headers, BODY, WebhookSecret.generate().value()));
    }

    /** The PHP snippet's verifier holds one secret: the one deployed before the rotation, until the window ends. */
    @Test
    void duringRotationTheReferenceSignatureIsThePreviousSecretsSoUnchangedVerifiersKeepWorking() throws Exception {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();

        Map<String, String> rotating = signer.sign("evt_3", 1_767_225_602L, BODY, current, previous);
        Map<String, String> after = signer.sign("evt_3", 1_767_225_602L, BODY, current, null);

        assertEquals(phpHashHmacSha256(BODY, previous.value()), rotating.get("x-webhook-signature"));
        assertNotEquals(phpHashHmacSha256(BODY, current.value()), rotating.get("x-webhook-signature"));
        assertEquals(phpHashHmacSha256(BODY, current.value()), after.get("x-webhook-signature"));
    }

    @Test
    void withoutRotationThereIsOneEntry() {
        Map<String, String> headers = signer.sign("evt_4", 1L, BODY, WebhookSecret.generate(), null);

        assertFalse(headers.get("webhook-signature").contains(" "));
        assertTrue(headers.get("webhook-signature").startsWith("v1,"));
    }

    /**
     * The Standard Webhooks specification's own example (secret, msg id, timestamp, payload and
     * signature as published in standard-webhooks/spec), re-derived in the shell:
     * <pre>
     * S=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw; BODY='{"test": 2432232314}'
     * printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$S"
     * K=$(printf '%s' "${S#whsec_}" | base64 -d | xxd -p -c 256)
     * printf '%s' "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.$BODY" \
     *   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$K -binary | base64
     * </pre>
     */
    @Test
    void knownAnswerStandardWebhooksExampleVector() {
        WebhookSecret secret = WebhookSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        Map<String, String> headers = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330L,
                "{\"test\": 2432232314}", secret, null);

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", headers.get("webhook-signature"));
        assertEquals("80ec8a89ce3cd22133a1066caecb4d04fea7467657c8514d717ec42c38a5c94c",
                headers.get("x-webhook-signature"));
    }

    /**
     * A payment body with non-ASCII text (signed as UTF-8) during a rotation, computed with OpenSSL
     * 3.0 (é and è written as UTF-8 bytes in $BODY):
     * <pre>
     * S=whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=; P=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
     * printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$P"
     * for K in $S $P; do H=$(printf '%s' "${K#whsec_}" | base64 -d | xxd -p -c 256)
     *   printf '%s' "evt_3kTq9ZxW2mVb7NcR.1767225600.$BODY" \
     *     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$H -binary | base64; done
     * </pre>
     */
    @Test
    void knownAnswerUtf8PaymentBodyDuringRotation() {
        WebhookSecret current = WebhookSecret.of("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        WebhookSecret previous = WebhookSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        Map<String, String> headers = signer.sign("evt_3kTq9ZxW2mVb7NcR", 1_767_225_600L, BODY, current, previous);

        assertEquals("9d8b0ef08225f800e135e426f5d229a4d3e3789c6910ed8e5e74baf88b058fc0",
                headers.get("x-webhook-signature"), "the previous secret's, as the rotation's window is open");
        assertEquals("v1,VjlpfPp8iqiXto+c+sy7+Qx92KIX/JJAnkfedN/S6/Q= "
                + "v1,lSJuzHsp0tSHXGM3ao/c6Oiv4CsMILNlItzyM30JuJU=", headers.get("webhook-signature"));
    }

    @Test
    void sendsJsonContentTypeAndOurUserAgentWithLowerCaseNames() {
        Map<String, String> headers = signer.sign("evt_5", 1L, BODY, WebhookSecret.generate(), null);

        assertEquals("application/json", headers.get("content-type"));
        assertEquals("CircoFlows-Webhooks/1.0", headers.get("user-agent"));
        assertEquals(6, headers.size());
        headers.keySet().forEach(name -> assertEquals(name.toLowerCase(java.util.Locale.ROOT), name));
    }

    @Test
    void anyChangeToBodyIdOrTimestampChangesTheSignatures() {
        WebhookSecret secret = WebhookSecret.generate();
        Map<String, String> original = signer.sign("evt_6", 100L, BODY, secret, null);

        assertNotEquals(original.get("x-webhook-signature"),
                signer.sign("evt_6", 100L, BODY + " ", secret, null).get("x-webhook-signature"));
        assertNotEquals(original.get("webhook-signature"),
                signer.sign("evt_7", 100L, BODY, secret, null).get("webhook-signature"));
        assertNotEquals(original.get("webhook-signature"),
                signer.sign("evt_6", 101L, BODY, secret, null).get("webhook-signature"));
    }

    @Test
    void refusesToSignWithoutEventIdOrSecret() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThrows(IllegalArgumentException.class, () -> signer.sign(" ", 1L, BODY, secret, null));
        assertThrows(NullPointerException.class, () -> signer.sign("evt_8", 1L, BODY, null, null));
        assertThrows(NullPointerException.class, () -> signer.sign("evt_8", 1L, null, secret, null));
    }

    // ---- Independent verifiers, written from the specifications ----

    /** PHP's hash_hmac('sha256', $data, $key): lowercase hex, key = the string's bytes. */
    private static String phpHashHmacSha256(String data, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b & 0xff));
        }
        return hex.toString();
    }

    private static String standardWebhooksSign(String secret, String content) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.split("_", 2)[1]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Any space-separated "v1,…" entry matching is a pass, as the specification says. */
    private static boolean standardWebhooksVerify(Map<String, String> headers, String body, String secret)
            throws Exception {
        String content = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
        byte[] expected = standardWebhooksSign(secret, content).getBytes(StandardCharsets.US_ASCII);
        for (String entry : headers.get("webhook-signature").split(" ")) {
            String[] parts = entry.split(",", 2);
            if (parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
