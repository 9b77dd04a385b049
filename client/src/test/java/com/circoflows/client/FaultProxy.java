package com.circoflows.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the local runner, standing in for the network
 * and load balancers between a merchant and the API. Each request takes the next step of a plan: forward
 * it but lose the runner's answer (the charge happened, the merchant never heard), answer it without
 * forwarding (a 503 or 429 from in front of the API), or hold it until a second request arrives and
 * forward both at once (a race). Once the plan is used up, requests pass through unchanged. Every request
 * is recorded as an {@link Attempt}: what was done to it and what the runner answered. Request bodies
 * (card numbers) are forwarded, never kept or printed.
 */
final class FaultProxy implements AutoCloseable {
    /** Headers the JDK client sets itself (or refuses to be given), and hop-by-hop ones. */
    private static final Set<String> NOT_COPIED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "http2-settings", "keep-alive", "transfer-encoding", "te");
    private static final Duration RACE_WAIT = Duration.ofSeconds(10);

    /** What the proxy did with one request. */
    enum Fault {
        /** Forwarded, answered with the runner's answer. */
        NONE,
        /** Forwarded; the runner answered, and the connection was closed without passing it on. */
        ANSWER_LOST,
        /** Not forwarded: answered by the proxy itself. */
        ANSWERED_IN_FRONT,
        /** Held until a second request arrived, then forwarded with it. */
        RACED
    }

    /**
     * One request as the proxy saw it: its Idempotency-Key, the fault, and (when forwarded) the runner's
     * status, error code, {@code Idempotent-Replayed} header and transaction id; {@code runnerStatus} 0 when
     * the runner never saw it.
     */
    record Attempt(int number, String method, String path, String idempotencyKey, Fault fault, int runnerStatus,
            String runnerErrorCode, boolean replayed, String transactionId) {
    }

    private interface Step {
        void handle(FaultProxy proxy, Received request, HttpExchange exchange) throws IOException;
    }

    private record Received(int number, String method, String pathAndQuery, Map<String, List<String>> headers,
            byte[] body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }
    }

    private record Answered(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient upstream = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Queue<Step> plan = new ConcurrentLinkedQueue<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    private FaultProxy(String target, HttpServer server, ExecutorService threads) {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.server = server;
        this.threads = threads;
    }

    /** Listens on an ephemeral loopback port; forwards to {@code targetBaseUrl}. */
    static FaultProxy inFrontOf(String targetBaseUrl) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            // A thread per request: a held request (a race) must not hold up the one it waits for.
            ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fault-proxy");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            FaultProxy proxy = new FaultProxy(targetBaseUrl, server, threads);
            server.createContext("/", proxy::handle);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault proxy", e);
        }
    }

    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The next {@code times} requests reach the runner, but its answers are lost on the way back. */
    FaultProxy loseTheAnswer(int times) {
        for (int i = 0; i < times; i++) {
            plan.add((proxy, request, exchange) -> {
                Answered answered = proxy.forward(request);
                proxy.record(request, Fault.ANSWER_LOST, answered);
                exchange.close(); // before any status line: the client sees the connection end, no answer
            });
        }
        return this;
    }

    /** The next {@code times} requests get {@code status} with this JSON body from the proxy, never reaching the runner. */
    FaultProxy answerInFront(int times, int status, String json, Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            plan.add((proxy, request, exchange) -> {
                proxy.record(request, Fault.ANSWERED_IN_FRONT, null);
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("X-Request-Id", inFrontRequestId(request.number()));
                send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
            });
        }
        return this;
    }

    /** The X-Request-Id the proxy gives its own answer to request {@code number}. */
    static String inFrontRequestId(int number) {
        return "req_fault_proxy_" + number;
    }

    /**
     * The next two requests wait for each other and reach the runner together, so that the second meets
     * the first still running (what two servers of a merchant retrying the same order do).
     */
    FaultProxy race() {
        CyclicBarrier together = new CyclicBarrier(2);
        Step step = (proxy, request, exchange) -> {
            try {
                together.await(RACE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception partnerNeverCame) {
                throw new IOException("the racing request never came", partnerNeverCame);
            }
            Answered answered = proxy.forward(request);
            proxy.record(request, Fault.RACED, answered);
            proxy.pass(exchange, answered);
        };
        plan.add(step);
        plan.add(step);
        return this;
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Forgets the attempts so far and any unused step. */
    void reset() {
        plan.clear();
        attempts.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            Received request = new Received(counter.incrementAndGet(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            Step step = plan.poll();
            if (step != null) {
                step.handle(this, request, exchange);
                return;
            }
            Answered answered = forward(request);
            record(request, Fault.NONE, answered);
            pass(exchange, answered);
        }
    }

    private Answered forward(Received request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = upstream.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answered(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private void pass(HttpExchange exchange, Answered answered) throws IOException {
        answered.headers().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, answered.status(), answered.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void record(Received request, Fault fault, Answered answered) {
        int status = 0;
        String errorCode = null;
        boolean replayed = false;
        String transactionId = null;
        if (answered != null) {
            status = answered.status();
            replayed = answered.headers().entrySet().stream()
                    .anyMatch(h -> h.getKey().equalsIgnoreCase("Idempotent-Replayed") && h.getValue().contains("true"));
            JsonNode json = parse(answered.body());
            errorCode = textOrNull(json.path("error").path("code"));
            transactionId = textOrNull(json.path("data").path("transaction_id"));
        }
        attempts.add(new Attempt(request.number(), request.method(), request.path(),
                request.header("Idempotency-Key"), fault, status, errorCode, replayed, transactionId));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json == null ? Json.MAPPER.missingNode() : json;
        } catch (IOException notJson) {
            return Json.MAPPER.missingNode();
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
