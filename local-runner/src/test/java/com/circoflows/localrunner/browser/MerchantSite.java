package com.circoflows.localrunner.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant's own website for tests: a JDK HTTP server on 127.0.0.1 (another site than the payment
 * page's localhost) whose return page records every URI the customer's browser arrives with.
 */
final class MerchantSite implements AutoCloseable {
    static final String RETURN_PATH = "/payment/success";

    private final HttpServer server;
    private final List<URI> arrivals = new CopyOnWriteArrayList<>();

    private MerchantSite(HttpServer server) {
        this.server = server;
    }

    static MerchantSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 20);
            MerchantSite site = new MerchantSite(server);
            server.createContext("/", site::answer);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the merchant asks to have its customers sent back: {origin}/payment/success?order={order}. */
    String returnUrl(String order) {
        return origin() + RETURN_PATH + "?order=" + order;
    }

    List<URI> arrivals() {
        return List.copyOf(arrivals);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            arrivals.add(exchange.getRequestURI());
            byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you</title>"
                    + "<link rel=\"icon\" href=\"data:,\"></head><body><h1>Thanks for your order</h1></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals(RETURN_PATH) ? 200 : 404, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
