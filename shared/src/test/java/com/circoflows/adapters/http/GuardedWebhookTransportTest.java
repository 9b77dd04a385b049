package com.circoflows.adapters.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.webhook.TransportResult;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1; nothing here ever leaves the loopback interface. */
class GuardedWebhookTransportTest {
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(1);
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{\"note\":\"Caf\u00e9\"}}";
    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "application/json",
            "user-agent", "CircoFlows-Webhooks/1.0",
            "x-webhook-signature", "abc123",
            "webhook-id", "evt_1",
            "webhook-timestamp", "1767225600",
            "webhook-signature", "v1,c2ln v1,b2xk");

    private final GuardedWebhookTransport transport = new GuardedWebhookTransport(true, TEST_TIMEOUT);
    private final AtomicReference<Received> received = new AtomicReference<>();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final AtomicLong bigBodyBytesWritten = new AtomicLong();
    private ExecutorService serverThreads;
    private HttpServer server;
    private String base;

    record Received(String method, Headers headers, byte[] body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/ok", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes()));
            respond(exchange, 200, "thanks");
        });
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/fail", exchange -> respond(exchange, 500, "database is down"));
        server.createContext("/gone", exchange -> respond(exchange, 410, "endpoint retired"));
        server.createContext("/chatty", exchange -> respond(exchange, 500, CHATTY_ANSWER));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().set("Location", base + "/redirect-target");
            respond(exchange, 302, "moved");
        });
        server.createContext("/redirect-target", exchange -> {
            redirectTargetHits.incrementAndGet();
            respond(exchange, 200, "should never be reached");
        });
        server.createContext("/slow", exchange -> {
            sleep(3_000);
            respond(exchange, 200, "too late");
        });
        server.createContext("/drip", exchange -> {
            // Headers at once, then a byte every 200 ms: no single read ever waits a full second.
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 25; i++) {
                out.write('.');
                out.flush();
                sleep(200);
            }
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            long size = 64L * 1024 * 1024;
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                    bigBodyBytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // Expected: the transport stops reading after 4 KB and closes.
            }
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void successfulPostDeliversTheHeadersAndBodyExactly() {
        TransportResult result = transport.post(base + "/ok", HEADERS, BODY);

        assertTrue(result.succeeded(), result.toString());
        assertEquals(200, result.httpStatus());
        assertNull(result.error());
        assertEquals("thanks", result.responseSnippet());
        Received request = received.get();
        assertEquals("POST", request.method());
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), request.body());
        HEADERS.forEach((name, value) -> assertEquals(List.of(value), request.headers().get(name), name));
        assertEquals(String.valueOf(BODY.getBytes(StandardCharsets.UTF_8).length),
                request.headers().getFirst("Content-Length"));
    }

    @Test
    void serverErrorIsAFailureWithItsStatusAndBody() {
        TransportResult result = transport.post(base + "/fail", HEADERS, BODY);

        assertFalse(result.succeeded());
        assertFalse(result.gone());
        assertEquals(500, result.httpStatus());
        assertNull(result.error());
        assertEquals("database is down", result.responseSnippet());
    }

    /** An answer with a stack trace, a card number over two lines and markup, as a careless endpoint might give. */
    private static final String CHATTY_ANSWER = "<html><body>\r\n<script>alert(1)</script>\n"
            + "Exception:\tcard 4242 4242\n4242 4242 declined\u0000\u001b[31m\u202e!\n\n" + "at x.y(Z.java)\n".repeat(400)
            + "</body></html>";

    @Test
    void theAnswerIsKeptAsAShortOneLineExcerptWithCardNumbersMasked() {
        TransportResult result = transport.post(base + "/chatty", HEADERS, BODY);

        assertEquals(500, result.httpStatus());
        String excerpt = result.responseSnippet();
        assertTrue(excerpt.startsWith("<html><body> <script>alert(1)</script> Exception: card **** **** **** **** "
                + "declined [31m ! at x.y(Z.java) at x.y(Z.java)"), excerpt);
        assertTrue(excerpt.length() <= 256, excerpt);
        assertTrue(excerpt.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u202e'), excerpt);
        assertFalse(excerpt.contains("4242"), excerpt);
    }

    @Test
    void goneIsReportedSoTheEndpointCanBeDisabled() {
        TransportResult result = transport.post(base + "/gone", HEADERS, BODY);

        assertTrue(result.gone());
        assertFalse(result.succeeded());
    }

    @Test
    void redirectIsNotFollowedAndCountsAsAFailure() {
        TransportResult result = transport.post(base + "/redirect", HEADERS, BODY);

        assertEquals(302, result.httpStatus());
        assertNull(result.error());
        assertFalse(result.succeeded());
        assertEquals(0, redirectTargetHits.get());
    }

    @Test
    void serverSlowerThanTheTimeoutIsATimeout() {
        TransportResult result = transport.post(base + "/slow", HEADERS, BODY);

        assertEquals("timeout", result.error(), "cut before the server's answer at 3 s: " + result);
        assertNull(result.httpStatus());
        // A lower bound only: a loaded machine may end the call late, never before the timeout.
        assertTrue(result.durationMillis() >= 900, result.toString());
    }

    @Test
    void slowDripResponseIsCutAtTheOverallDeadline() {
        TransportResult result = transport.post(base + "/drip", HEADERS, BODY);

        // The drip takes 5 s and each byte comes within the timeout: only the overall deadline ends it.
        assertEquals("timeout", result.error(), result.toString());
        assertNull(result.httpStatus());
    }

    @Test
    void largeResponseIsReadOnlyUpToTheCapAndClipped() {
        TransportResult result = transport.post(base + "/big", HEADERS, BODY);

        assertTrue(result.succeeded(), result.toString());
        assertEquals("a".repeat(256), result.responseSnippet());
        // A body the transport had read to the end would have been written in full before post returned;
        // half of it leaves room for what loopback socket buffers take in unread.
        assertTrue(bigBodyBytesWritten.get() < 32L * 1024 * 1024, "the rest of the body was never read: "
                + bigBodyBytesWritten.get() + " bytes written");
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        TransportResult result = transport.post("http://127.0.0.1:" + closedPort + "/hook", HEADERS, BODY);

        assertEquals("connection_refused", result.error());
        assertNull(result.httpStatus());
        assertFalse(result.succeeded());
    }

    @Test
    void plainHttpToLoopbackIsRefusedOutsideLocalMode() {
        GuardedWebhookTransport production = new GuardedWebhookTransport(false, TEST_TIMEOUT);

        TransportResult result = production.post(base + "/ok", HEADERS, BODY);

        assertTrue(result.error().startsWith("invalid_url"), result.toString());
        assertNull(received.get(), "the receiver was never contacted");
    }

    @Test
    void oneInstanceServesConcurrentDeliveries() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<TransportResult>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String body = "{\"n\":" + i + "}";
                results.add(callers.submit(() -> transport.post(base + "/echo", HEADERS, body)));
            }
            for (int i = 0; i < results.size(); i++) {
                TransportResult result = results.get(i).get(10, TimeUnit.SECONDS);
                assertTrue(result.succeeded(), result.toString());
                assertEquals("{\"n\":" + i + "}", result.responseSnippet());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
