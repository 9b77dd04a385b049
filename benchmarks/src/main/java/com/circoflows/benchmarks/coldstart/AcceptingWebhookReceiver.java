package com.circoflows.benchmarks.coldstart;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A loopback endpoint that answers 200 to every webhook, for scenarios whose merchants need one. */
public final class AcceptingWebhookReceiver implements AutoCloseable {
    private final HttpServer server;

    private AcceptingWebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static AcceptingWebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return new AcceptingWebhookReceiver(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
