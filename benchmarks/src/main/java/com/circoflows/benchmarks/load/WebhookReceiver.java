package com.circoflows.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load merchants' webhook endpoint on loopback, one path per merchant. Checks each delivery's
 * X-Webhook-Signature against that merchant's secret, as the reference's snippet does, and keeps the
 * first delivery of every event id (deliveries are at least once).
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, String> secretsByMerchant = new ConcurrentHashMap<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/hooks/", this::receive);
        server.start();
    }

    String urlFor(String merchantId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + merchantId;
    }

    void trust(String merchantId, String secret) {
        secretsByMerchant.put(merchantId, secret);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String merchantId = exchange.getRequestURI().getPath().substring("/hooks/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String secret = secretsByMerchant.get(merchantId);
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            if (secret == null || signature == null || !MessageDigest.isEqual(
                    hexHmac(secret, body).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            Delivery delivery = new Delivery(merchantId, event.path("type").asText(),
                    event.path("data").path("transaction_id").asText());
            if (deliveries.putIfAbsent(event.path("id").asText(), delivery) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
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
        server.stop(0);
        threads.shutdownNow();
    }

    record Delivery(String merchantId, String type, String transactionId) {
    }
}
