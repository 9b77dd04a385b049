package com.circoflows.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's webhook endpoint for handler tests: an HTTP server on 127.0.0.1 (the only kind of
 * target local mode lets the delivery function reach) that records every request and answers each
 * path with the status it was told to (200 by default).
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on an ephemeral port of the loopback address only. */
    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}, e.g. {@code url("/hooks")}. */
    public String url(String path) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    /** From now on {@code path} answers {@code status} with {@code body}. */
    public void answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests whose body names {@code eventId}. */
    public List<Received> receivedFor(String eventId) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.body().contains(eventId)) {
                matching.add(request);
            }
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, headers, body));
            Answer answer = answers.getOrDefault(path, new Answer(200, "{\"received\":true}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as the merchant's server saw it; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    private record Answer(int status, String body) {
    }
}
