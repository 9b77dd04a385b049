package com.circoflows.localrunner.sessions;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.localrunner.openapi.OpenApiDocument;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A merchant's webhook receiver on 127.0.0.1: records each POST's signature header and raw body, answers 200. */
final class WebhookCatcher implements AutoCloseable {
    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** Deliveries that are not as docs/openapi.yaml's webhooks describe them. */
    private final List<String> contractProblems = new CopyOnWriteArrayList<>();

    private WebhookCatcher(HttpServer server) {
        this.server = server;
    }

    static WebhookCatcher start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 20);
            WebhookCatcher catcher = new WebhookCatcher(server);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Delivery delivery = new Delivery(exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("X-Webhook-Signature"), body);
                    catcher.deliveries.add(delivery);
                    try {
                        OpenApiContract.get().webhookProblems(exchange.getRequestHeaders(), body)
                                .forEach(problem -> catcher.contractProblems.add(delivery.path() + ": " + problem));
                    } catch (RuntimeException e) {
                        catcher.contractProblems.add(delivery.path() + ": could not be checked: " + e);
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "session-webhook-catcher");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return catcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The first delivery whose body contains {@code text}, waiting up to {@code timeout}. */
    Delivery awaitDeliveryContaining(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!contractProblems.isEmpty()) {
                throw new AssertionError("webhook deliveries not as " + OpenApiDocument.RELATIVE_PATH
                        + " describes them: " + contractProblems);
            }
            for (Delivery delivery : deliveries) {
                if (delivery.body().contains(text)) {
                    return delivery;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no webhook containing " + text + " within " + timeout + "; got " + deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Delivery(String path, String signature, String body) {
        Map<String, Object> asMap() {
            return SessionsE2e.JSON.convertValue(SessionsE2e.parse(body), Map.class);
        }
    }
}
