package com.circoflows.testsupport;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A merchant's webhook endpoint (or any site a test needs to answer it) for the handler tests, the
 * runner's end-to-end tests and the benchmarks: an HTTP server on 127.0.0.1 (the only kind of target
 * local mode lets the delivery function reach), a thread per request so a slow answer never holds up
 * the next one. Each request is recorded (number, time, method, path, headers, raw body, the status
 * it got) before it is answered, then answered as the test programmed: per path, or per request by
 * an {@link Answering} that sees the request (status, delay or gate, headers, body). Waits have deadlines.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Reply DEFAULT = Reply.json(200, "{\"received\":true}");
    private static final Duration POLL = Duration.ofMillis(20);

    private final HttpServer server;
    private final ExecutorService threads;
    private final boolean recording;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> answersByPath = new ConcurrentHashMap<>();
    private final AtomicReference<Answering> answering = new AtomicReference<>();
    private final List<Consumer<Received>> inspectors = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    private WebhookReceiver(HttpServer server, ExecutorService threads, boolean recording) {
        this.server = server;
        this.threads = threads;
        this.recording = recording;
    }

    /** Listens on an ephemeral port of the loopback address only, recording every request. */
    public static WebhookReceiver start() {
        return start(true);
    }

    /** @param recording false for a load run's endpoint: answers as programmed and keeps nothing */
    public static WebhookReceiver start(boolean recording) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            WebhookReceiver receiver = new WebhookReceiver(server, threads, recording);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}, e.g. {@code url("/hooks")}. */
    public String url(String path) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port()
                + (path.startsWith("/") ? path : "/" + path);
    }

    /** {@code http://127.0.0.1:<port>}: the site's origin, for a page the browser is sent back to. */
    public String origin() {
        return url("").replaceAll("/$", "");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on {@code path} answers {@code status} with {@code body} (JSON), unless an {@link Answering} is set. */
    public void answer(String path, int status, String body) {
        answersByPath.put(path, Reply.json(status, body));
    }

    /** From now on {@code path} answers with {@code reply}, unless an {@link Answering} is set. */
    public WebhookReceiver answer(String path, Reply reply) {
        answersByPath.put(path, Objects.requireNonNull(reply));
        return this;
    }

    /** From now on every request is answered as {@code how} says; request numbers keep counting. */
    public WebhookReceiver answer(Answering how) {
        answering.set(Objects.requireNonNull(how));
        return this;
    }

    /** Runs for each request before it is recorded and answered (a signature or contract check). */
    public WebhookReceiver inspectEach(Consumer<Received> inspector) {
        inspectors.add(Objects.requireNonNull(inspector));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests whose body names {@code eventId}. */
    public List<Received> receivedFor(String eventId) {
        return received.stream().filter(request -> request.body().contains(eventId)).toList();
    }

    /** Waits until the requests so far satisfy {@code done}; fails after {@code timeout} with what arrived. */
    public List<Received> awaitReceived(String what, Duration timeout, Predicate<List<Received>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> seen = received();
        while (!done.test(seen)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toMillis() + " ms waiting for " + what
                        + "; received: " + seen);
            }
            pause();
            seen = received();
        }
        return seen;
    }

    /** Waits until at least {@code count} requests have arrived. */
    public List<Received> awaitReceived(int count, Duration timeout) {
        return awaitReceived(count + " requests", timeout, seen -> seen.size() >= count);
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
            String path = exchange.getRequestURI().getRawPath();
            Request request = new Request(counter.incrementAndGet(), at, nanos, exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), headers, body);
            Answering how = answering.get();
            Reply reply = how != null ? how.reply(request) : answersByPath.getOrDefault(path, DEFAULT);
            Received record = new Received(request, reply.status());
            inspectors.forEach(inspector -> inspector.accept(record));
            if (recording) {
                // Recorded (and inspected) before answering: a test that sees the answer also sees the request.
                received.add(record);
            }
            if (!reply.waitBeforeAnswering()) {
                return;
            }
            send(exchange, reply);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        byte[] answer = reply.status() == 204 ? new byte[0] : reply.body();
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (IOException clientWentAway) {
            // The caller stops reading (a capped body) or gave up (its deadline): that is its right.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to answer each request, knowing what it is. */
    @FunctionalInterface
    public interface Answering {
        Reply reply(Request request);

        static Answering always(int status) {
            Reply reply = Reply.of(status);
            return request -> reply;
        }

        /** These statuses in order, then the last one for every later request. */
        static Answering sequence(int... statuses) {
            int[] copy = statuses.clone();
            return request -> Reply.of(copy[Math.min(request.number(), copy.length) - 1]);
        }

        /** By request number (from 1), whatever the request. */
        static Answering byNumber(java.util.function.IntFunction<Reply> replies) {
            return request -> replies.apply(request.number());
        }
    }

    /**
     * What one request gets: a status, after a delay; with a gate, as soon as the gate opens (the delay
     * then caps the wait); extra response headers (Location, Content-Type); a body.
     */
    public record Reply(int status, Duration delay, CountDownLatch gate, Map<String, String> headers, byte[] body) {
        public Reply {
            headers = Map.copyOf(headers);
        }

        /** The status with a short JSON body. */
        public static Reply of(int status) {
            return json(status, "{\"status\":" + status + "}");
        }

        public static Reply json(int status, String json) {
            return withText(status, "application/json", json);
        }

        /** A status with this body, sent as JSON whatever it holds (a careless endpoint's answer). */
        public static Reply withText(int status, String text) {
            return withText(status, "application/json", text);
        }

        public static Reply withText(int status, String contentType, String text) {
            return new Reply(status, Duration.ZERO, null, Map.of("Content-Type", contentType),
                    text.getBytes(StandardCharsets.UTF_8));
        }

        /** A status with a body of this many bytes (to see how much of it the caller reads). */
        public static Reply withBody(int status, int bytes) {
            byte[] body = new byte[bytes];
            Arrays.fill(body, (byte) 'x');
            return new Reply(status, Duration.ZERO, null, Map.of("Content-Type", "application/json"), body);
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, Duration.ZERO, null, Map.of("Location", location), new byte[0]);
        }

        /** This answer, sent only after {@code delay}. */
        public Reply after(Duration wait) {
            return new Reply(status, wait, null, headers, body);
        }

        /** This answer, held until the test opens the gate, for at most {@code atMost}. */
        public Reply heldUntil(CountDownLatch opens, Duration atMost) {
            return new Reply(status, atMost, opens, headers, body);
        }

        /** False when the receiver is being closed while this answer waits. */
        boolean waitBeforeAnswering() {
            try {
                if (gate != null) {
                    gate.await(delay.toMillis(), TimeUnit.MILLISECONDS);
                } else if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis()); // a slow endpoint is the behaviour under test
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** One request as it arrived; header names in lower case. */
    public record Request(int number, Instant receivedAt, long receivedNanos, String method, String path,
            String query, Map<String, List<String>> headerValues, byte[] rawBody) {

        public String header(String name) {
            List<String> values = headerValues.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }

        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }
    }

    /** One request as the merchant's server saw it, and the status it answered. */
    public record Received(Request request, int answeredStatus) {
        public int number() {
            return request.number();
        }

        public Instant receivedAt() {
            return request.receivedAt();
        }

        public long receivedNanos() {
            return request.receivedNanos();
        }

        public String method() {
            return request.method();
        }

        public String path() {
            return request.path();
        }

        public String query() {
            return request.query();
        }

        /** Header names in lower case, repeated values joined by commas. */
        public Map<String, String> headers() {
            Map<String, String> joined = new LinkedHashMap<>();
            request.headerValues().forEach((name, values) -> joined.put(name, String.join(",", values)));
            return joined;
        }

        public Map<String, List<String>> headerValues() {
            return request.headerValues();
        }

        public String header(String name) {
            return request.header(name);
        }

        public String body() {
            return request.body();
        }

        public byte[] rawBody() {
            return request.rawBody();
        }

        public String webhookId() {
            return header("webhook-id");
        }

        public boolean answeredSuccess() {
            return answeredStatus >= 200 && answeredStatus < 300;
        }

        @Override
        public String toString() {
            return "#" + number() + " " + method() + " " + path() + " -> " + answeredStatus + " webhook-id="
                    + webhookId() + " at " + receivedAt();
        }
    }
}
