package com.circoflows.localrunner.webhooks;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.localrunner.openapi.OpenApiDocument;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A merchant's webhook endpoint for tests, independent of the code under test: a JDK HTTP server on
 * 127.0.0.1 that records every request it gets (headers, the raw body bytes, when), answers as its
 * {@link Script} says, and checks both signatures of each request with {@link Signatures} (its own
 * javax.crypto code, not the API's signer) against the secret the test told it to expect.
 */
final class ReceiverServer implements AutoCloseable {
    /** Standard Webhooks' replay window: a timestamp further than this from our clock is refused. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Script> script = new AtomicReference<>(Script.always(200));
    private final AtomicReference<List<String>> expectedSecrets = new AtomicReference<>(List.of());
    private final AtomicInteger counter = new AtomicInteger();
    /** Deliveries that are not as docs/openapi.yaml's webhooks describe them; reading deliveries fails on any. */
    private final List<String> contractProblems = new CopyOnWriteArrayList<>();

    private ReceiverServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ReceiverServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            // A thread per request, so a slow answer never holds up the next delivery.
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            ReceiverServer receiver = new ReceiverServer(server, executor);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook receiver could not start", e);
        }
    }

    /** The URL merchants would register: http on 127.0.0.1 (loopback is allowed in local mode only). */
    String url(String path) {
        return "http://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How to answer from now on; request numbers keep counting from where they are. */
    ReceiverServer answer(Script next) {
        script.set(Objects.requireNonNull(next));
        return this;
    }

    /**
     * The secrets requests must be signed with: X-Webhook-Signature and webhook-signature each with at
     * least one of them (during a rotation the reference header is the previous secret's; the tests
     * that care check which).
     */
    ReceiverServer expectSecrets(String current, String... previous) {
        List<String> secrets = new ArrayList<>();
        secrets.add(Objects.requireNonNull(current));
        secrets.addAll(Arrays.asList(previous));
        expectedSecrets.set(List.copyOf(secrets));
        return this;
    }

    List<Received> requests() {
        assertDeliveriesAsDocumented();
        return List.copyOf(received);
    }

    List<Received> requestsTo(String path) {
        assertDeliveriesAsDocumented();
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests answered with a 2xx: the deliveries the merchant counts as received. */
    List<Received> successfulDeliveries() {
        assertDeliveriesAsDocumented();
        return received.stream().filter(Received::answeredSuccess).toList();
    }

    /** Every test reads deliveries through the accessors above, so each delivery is held to the document. */
    private void assertDeliveriesAsDocumented() {
        if (!contractProblems.isEmpty()) {
            throw new AssertionError("webhook deliveries not as " + OpenApiDocument.RELATIVE_PATH
                    + " describes them: " + contractProblems);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int number = counter.incrementAndGet();
            Reply reply = script.get().reply(number);
            Received request = new Received(number, at, nanos, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), headers, body, reply.status(),
                    Signatures.verify(headers, body, expectedSecrets.get(), at));
            try {
                OpenApiContract.get().webhookProblems(headers, new String(body, StandardCharsets.UTF_8))
                        .forEach(problem -> contractProblems.add(request + ": " + problem));
            } catch (RuntimeException e) {
                contractProblems.add(request + ": could not be checked: " + e);
            }
            // Recorded before answering: a test that sees the answer also sees the request.
            received.add(request);
            try {
                if (reply.gate() != null) {
                    reply.gate().await(reply.delay().toMillis(), TimeUnit.MILLISECONDS);
                } else if (!reply.delay().isZero()) {
                    Thread.sleep(reply.delay().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] answer = reply.status() == 204 ? new byte[0] : reply.text() != null
                    ? reply.text().getBytes(StandardCharsets.UTF_8) : reply.bodyBytes() >= 0 ? filler(reply.bodyBytes())
                    : ("{\"received\":" + number + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            try {
                exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            } catch (IOException clientWentAway) {
                // The API stops reading (a capped body) or gave up (its deadline): that is its right.
            }
        }
    }

    private static byte[] filler(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What one request gets: a status, after a delay; with a gate, as soon as the gate opens (the
     * delay then caps the wait); extra headers (Location); a body of {@code bodyBytes} bytes, or
     * {@code text} when given, or a short JSON one.
     */
    record Reply(int status, Duration delay, CountDownLatch gate, Map<String, String> headers, int bodyBytes,
            String text) {
        static Reply of(int status) {
            return new Reply(status, Duration.ZERO, null, Map.of(), -1, null);
        }

        static Reply after(int status, Duration delay) {
            return new Reply(status, delay, null, Map.of(), -1, null);
        }

        /** Held until the test opens the gate, for at most {@code atMost}. */
        static Reply heldUntil(CountDownLatch gate, int status, Duration atMost) {
            return new Reply(status, atMost, gate, Map.of(), -1, null);
        }

        static Reply redirect(int status, String location) {
            return new Reply(status, Duration.ZERO, null, Map.of("Location", location), -1, null);
        }

        /** A status with a body of this many bytes (to see how much of it the API reads). */
        static Reply withBody(int status, int bytes) {
            return new Reply(status, Duration.ZERO, null, Map.of(), bytes, null);
        }

        /** A status with this body. */
        static Reply withText(int status, String text) {
            return new Reply(status, Duration.ZERO, null, Map.of(), -1, text);
        }
    }

    /** The answer to the n-th request (from 1) this receiver gets. */
    @FunctionalInterface
    interface Script {
        Reply reply(int requestNumber);

        static Script always(int status) {
            return n -> Reply.of(status);
        }

        /** These statuses in order, then the last one for every later request. */
        static Script sequence(int... statuses) {
            int[] copy = statuses.clone();
            return n -> Reply.of(copy[Math.min(n, copy.length) - 1]);
        }

        /** Always this status, each answer sent only after {@code delay}. */
        static Script slow(int status, Duration delay) {
            return n -> Reply.after(status, delay);
        }
    }

    /** One request as the receiver saw it. */
    record Received(int number, Instant receivedAt, long receivedNanos, String method, String path,
            Map<String, List<String>> headers, byte[] body, int answeredStatus, Signatures.Verification verification) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String webhookId() {
            return header("webhook-id");
        }

        boolean answeredSuccess() {
            return answeredStatus >= 200 && answeredStatus < 300;
        }

        @Override
        public String toString() {
            return "#" + number + " " + method + " " + path + " -> " + answeredStatus + " webhook-id=" + webhookId()
                    + " at " + receivedAt;
        }
    }
}
