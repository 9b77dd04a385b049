package com.example.quickstart;

import com.circoflows.client.WebhookEvent;
import com.circoflows.client.WebhookVerificationException;
import com.circoflows.client.Webhooks;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Your webhook endpoint, in miniature: it trusts a delivery only once {@link Webhooks#verify} has checked
 * its signature against your secret, answers 400 to anything else, and hands each verified event over
 * once (deliveries are at least once: a repeated event id is acknowledged and not handled again).
 */
final class WebhookReceiver implements AutoCloseable {
    static final String PATH = "/webhooks";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String secret;
    private final Object lock = new Object();
    private final List<WebhookEvent> verified = new ArrayList<>();
    private final Set<String> seenEventIds = new LinkedHashSet<>();
    private int refused;

    private WebhookReceiver(HttpServer server, ExecutorService handlers, String secret) {
        this.server = server;
        this.handlers = handlers;
        this.secret = secret;
    }

    /** Listens on 127.0.0.1 on a free port until closed. */
    static WebhookReceiver start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, handlers, secret);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(handlers);
        server.start();
        return receiver;
    }

    /** What to give a payment as its webhook_url. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Deliveries answered 400 so far: a wrong secret shows here. */
    int refusedCount() {
        synchronized (lock) {
            return refused;
        }
    }

    int verifiedCount() {
        synchronized (lock) {
            return verified.size();
        }
    }

    /**
     * The first verified event matching {@code wanted}, waiting up to {@code timeout} for it to arrive; empty
     * at once when a delivery was refused, as with a wrong secret the event would never verify.
     */
    Optional<WebhookEvent> await(Predicate<WebhookEvent> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (WebhookEvent event : verified) {
                    if (wanted.test(event)) {
                        return Optional.of(event);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || refused > 0) {
                    return Optional.empty();
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (body == null) {
                answer(exchange, 413);
                return;
            }
            // The signature covers the bytes as sent: verify the raw body, parse only what verify returns.
            answer(exchange, receive(new String(body, StandardCharsets.UTF_8), firstValues(exchange)));
        } finally {
            exchange.close();
        }
    }

    /** 204 for a verified delivery (CircoFlows waits 10 s for it: real work belongs on a queue), else 400. */
    private int receive(String rawBody, Map<String, String> headers) {
        WebhookEvent event;
        try {
            event = Webhooks.verify(rawBody, headers, secret);
        } catch (WebhookVerificationException notFromCircoFlows) {
            synchronized (lock) {
                refused++;
                lock.notifyAll();
            }
            return 400;
        }
        synchronized (lock) {
            if (seenEventIds.add(event.getId())) {   // delivery is at least once: handle each event once
                verified.add(event);
                lock.notifyAll();
            }
        }
        return 204;
    }

    private static Map<String, String> firstValues(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
