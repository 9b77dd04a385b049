package com.circoflows.cli;

import com.circoflows.client.WebhookEvent;
import com.circoflows.client.WebhookVerificationException;
import com.circoflows.client.Webhooks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's webhook receiver on a port of its own, as a developer runs one: it verifies each delivery
 * with the client library ({@link Webhooks#verify}, and the legacy X-Webhook-Signature too) against the
 * secret expected on its path, answers 200 when both hold and 400 otherwise, and keeps what it got.
 */
final class VerifyingReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> secretByPath = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private VerifyingReceiver(HttpServer server) {
        this.server = server;
    }

    static VerifyingReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        VerifyingReceiver receiver = new VerifyingReceiver(server);
        server.createContext("/", receiver::receive);
        server.start();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Deliveries to {@code path} must be signed with {@code secret}. */
    void expect(String path, String secret) {
        secretByPath.put(path, secret);
    }

    List<Delivery> to(String path) {
        return deliveries.stream().filter(delivery -> delivery.path().equals(path)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        String secret = secretByPath.get(path);
        String problem = null;
        String eventId = null;
        if (secret == null) {
            problem = "no secret is expected on " + path + " yet";
        } else {
            try {
                WebhookEvent event = Webhooks.verify(body, headers, secret);
                Webhooks.verifier().legacySignature(true).build().verify(body, headers, secret);
                eventId = event.getId();
            } catch (WebhookVerificationException e) {
                problem = e.getMessage();
            }
        }
        deliveries.add(new Delivery(path, headers, body, eventId, problem));
        int status = problem == null ? 200 : 400;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * @param verifiedEventId the event id when both signatures verified, else null
     * @param problem         why they did not, else null
     */
    record Delivery(String path, Map<String, String> headers, String body, String verifiedEventId, String problem) {
        String type() {
            try {
                return new ObjectMapper().readTree(body).path("type").asText();
            } catch (JsonProcessingException e) {
                return "(not JSON)";
            }
        }
    }
}
