package com.circoflows.benchmarks.load;

import com.circoflows.testsupport.WebhookReceiver.Reply;
import com.circoflows.testsupport.WebhookReceiver.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load merchants' webhook endpoint on loopback (the suite's receiver, keeping no requests), one
 * path per merchant. Checks each delivery's X-Webhook-Signature against that merchant's secret, as
 * the reference's snippet does, and keeps the first delivery of every event id (deliveries are at
 * least once).
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOKS = "/hooks/";

    private final com.circoflows.testsupport.WebhookReceiver server =
            com.circoflows.testsupport.WebhookReceiver.start(false);
    private final Map<String, String> secretsByMerchant = new ConcurrentHashMap<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();

    WebhookReceiver() {
        server.answer(this::receive);
    }

    String urlFor(String merchantId) {
        return server.url(HOOKS + merchantId);
    }

    void trust(String merchantId, String secret) {
        secretsByMerchant.put(merchantId, secret);
    }

    private Reply receive(Request request) {
        if (!request.path().startsWith(HOOKS)) {
            return Reply.of(404);
        }
        String merchantId = request.path().substring(HOOKS.length());
        byte[] body = request.rawBody();
        String secret = secretsByMerchant.get(merchantId);
        String signature = request.header("x-webhook-signature");
        if (secret == null || signature == null || !MessageDigest.isEqual(
                hexHmac(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            badSignatures.incrementAndGet();
            return Reply.of(400);
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Delivery delivery = new Delivery(merchantId, event.path("type").asText(),
                event.path("data").path("transaction_id").asText());
        if (deliveries.putIfAbsent(event.path("id").asText(), delivery) != null) {
            duplicates.incrementAndGet();
        }
        return Reply.of(204);
    }

    private static String hexHmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Event id -> its first delivery. */
    Map<String, Delivery> deliveries() {
        return Map.copyOf(deliveries);
    }

    int duplicates() {
        return duplicates.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        server.close();
    }

    record Delivery(String merchantId, String type, String transactionId) {
    }
}
