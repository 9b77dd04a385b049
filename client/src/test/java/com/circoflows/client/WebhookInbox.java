package com.circoflows.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A merchant's webhook endpoint on 127.0.0.1 (the only kind of URL local mode delivers to): keeps each
 * delivery's raw body and headers exactly as received, for the test to verify as a merchant would, and
 * answers 200.
 */
final class WebhookInbox implements AutoCloseable {
    /** One delivery. Header names in any case, as a web framework gives them; the first value of each. */
    record Delivery(String path, Map<String, String> headers, Map<String, List<String>> headerValues, String body) {
        String header(String name) {
            return headers.get(name);
        }

        String webhookId() {
            return header("webhook-id");
        }

        @Override
        public String toString() {
            return "Delivery[" + path + ", webhook-id " + webhookId() + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private WebhookInbox(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static WebhookInbox start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "webhook-inbox");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            WebhookInbox inbox = new WebhookInbox(server, threads);
            server.createContext("/", inbox::receive);
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook inbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    /** The deliveries of event {@code eventId}, waiting until there are {@code count} of them. */
    List<Delivery> awaitDeliveries(String eventId, int count) {
        return Eventually.until(count + " deliveries of " + eventId, Duration.ofSeconds(15),
                () -> deliveries.stream().filter(d -> eventId.equals(d.webhookId())).toList(),
                found -> found.size() >= count);
    }

    /** The first delivery whose event is about {@code transactionId} and of {@code type}, waiting for it. */
    Delivery awaitEvent(String type, String transactionId) {
        return Eventually.until(type + " of " + transactionId, Duration.ofSeconds(15),
                () -> deliveries.stream().filter(d -> isAbout(d, type, transactionId)).findFirst().orElse(null),
                found -> found != null);
    }

    private static boolean isAbout(Delivery delivery, String type, String transactionId) {
        try {
            JsonNode event = Json.MAPPER.readTree(delivery.body());
            return type.equals(event.path("type").asText())
                    && transactionId.equals(event.path("data").path("transaction_id").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers,
                    Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
