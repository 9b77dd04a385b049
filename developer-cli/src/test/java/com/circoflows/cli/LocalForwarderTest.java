package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** listen survives a receiver that is down, slow or failing: each gives an outcome to print, never an exception. */
class LocalForwarderTest {
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json",
            "user-agent", "CircoFlows-Webhooks/1.0");

    @Test
    void aReceiversAnswerIsItsStatus() throws Exception {
        HttpServer receiver = receiver(500, null);
        try {
            LocalForwarder.Outcome outcome = new LocalForwarder(url(receiver), Duration.ofSeconds(5))
                    .forward("{}", HEADERS);

            assertEquals(500, outcome.status());
            assertFalse(outcome.succeeded());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReceiverThatIsDownIsAConnectionRefusedOutcomeNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI target = URI.create("http://127.0.0.1:" + closedPort + "/webhooks");

        LocalForwarder.Outcome outcome = new LocalForwarder(target, Duration.ofSeconds(5)).forward("{}", HEADERS);

        assertEquals(0, outcome.status());
        assertEquals("connection refused: is your server listening on " + target + "?", outcome.error());
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsANoAnswerOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = receiver(200, release);
        try {
            LocalForwarder.Outcome outcome = new LocalForwarder(url(receiver), Duration.ofMillis(300))
                    .forward("{}", HEADERS);

            assertEquals(0, outcome.status());
            assertTrue(outcome.error().startsWith("no answer within 300 ms"), outcome.error());
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }

    /** Answers {@code status}; when {@code holdUntil} is given, only once it is released. */
    private static HttpServer receiver(int status, CountDownLatch holdUntil) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (holdUntil != null) {
                try {
                    holdUntil.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
    }
}
