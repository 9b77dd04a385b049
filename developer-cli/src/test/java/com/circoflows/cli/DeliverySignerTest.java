package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.WebhookEvent;
import com.circoflows.client.WebhookVerificationException;
import com.circoflows.client.Webhooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A delivery listen forwards verifies with the client library exactly as one the API sends. */
class DeliverySignerTest {
    /** The demo merchant's secret as bin/run-local prints it: a real endpoint secret's form. */
    private static final String ENDPOINT_SECRET = "whsec_x2JovB2g68+o4eCI7WoaSn8reBkyeqpWvT0iO6a/kSE=";
    private static final String BODY = DeliveryBody.render("evt_0123456789abcdefghijklmn", "payment.succeeded",
            Instant.parse("2026-03-01T12:34:56.789Z"),
            new ObjectMapper().createObjectNode().put("transaction_id", "txn_abc").put("amount", 1000));

    private static Map<String, String> signed(String secret, String body) {
        return new DeliverySigner(SigningSecret.of(secret, "test")).headers("evt_0123456789abcdefghijklmn",
                Instant.now().getEpochSecond(), body);
    }

    @Test
    void theBodyHasTheApisDeliveryShapeWithCreatedAtToTheSecond() {
        assertEquals("{\"id\":\"evt_0123456789abcdefghijklmn\",\"type\":\"payment.succeeded\","
                + "\"created_at\":\"2026-03-01T12:34:56Z\",\"data\":{\"transaction_id\":\"txn_abc\",\"amount\":1000}}", BODY);
    }

    @Test
    void theStandardWebhooksSignatureVerifiesWithTheEndpointSecret() {
        WebhookEvent event = Webhooks.verify(BODY, signed(ENDPOINT_SECRET, BODY), ENDPOINT_SECRET);

        assertEquals("evt_0123456789abcdefghijklmn", event.getId());
        assertEquals("payment.succeeded", event.getType());
        assertEquals(1000, event.getData().get("amount").asInt());
    }

    @Test
    void theLegacyXWebhookSignatureVerifiesWithTheEndpointSecret() {
        WebhookEvent event = Webhooks.verifier().legacySignature(true).build()
                .verify(BODY, signed(ENDPOINT_SECRET, BODY), ENDPOINT_SECRET);

        assertEquals("evt_0123456789abcdefghijklmn", event.getId());
    }

    @Test
    void aSessionSecretSignsDeliveriesThatVerifyWithItAndNotWithTheEndpointSecret() {
        SigningSecret session = SigningSecret.generate(new SecureRandom());
        Map<String, String> headers = new DeliverySigner(session).headers("evt_0123456789abcdefghijklmn",
                Instant.now().getEpochSecond(), BODY);

        Webhooks.verify(BODY, headers, session.value());
        Webhooks.verifier().legacySignature(true).build().verify(BODY, headers, session.value());
        assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(BODY, headers, ENDPOINT_SECRET));
        assertTrue(session.value().startsWith("whsec_"));
        assertNotEquals(session.value(), SigningSecret.generate(new SecureRandom()).value());
    }

    @Test
    void anAlteredBodyFailsBothSignatures() {
        Map<String, String> headers = signed(ENDPOINT_SECRET, BODY);
        String altered = BODY.replace("1000", "100000");

        assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(altered, headers, ENDPOINT_SECRET));
        assertThrows(WebhookVerificationException.class,
                () -> Webhooks.verifier().legacySignature(true).build().verify(altered, headers, ENDPOINT_SECRET));
    }

    @Test
    void theHeadersAreTheOnesTheApiSends() {
        Map<String, String> headers = signed(ENDPOINT_SECRET, BODY);

        assertEquals("application/json", headers.get("content-type"));
        assertEquals("CircoFlows-Webhooks/1.0", headers.get("user-agent"));
        assertEquals("evt_0123456789abcdefghijklmn", headers.get("webhook-id"));
        assertTrue(headers.get("webhook-signature").startsWith("v1,"));
        assertTrue(headers.get("x-webhook-signature").matches("[0-9a-f]{64}"), headers.get("x-webhook-signature"));
    }

    @Test
    void aSecretNotInTheApisFormIsAUsageErrorThatDoesNotQuoteIt() {
        UsageException notWhsec = assertThrows(UsageException.class,
                () -> SigningSecret.of("my-secret-value", "--webhook-secret"));
        UsageException tooShort = assertThrows(UsageException.class,
                () -> SigningSecret.of("whsec_c2hvcnQ=", "CIRCOFLOWS_WEBHOOK_SECRET"));

        assertEquals("--webhook-secret must be a webhook secret, whsec_…", notWhsec.getMessage());
        assertTrue(tooShort.getMessage().startsWith("CIRCOFLOWS_WEBHOOK_SECRET is too short"));
    }
}
