package com.circoflows.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A scripted stand-in for the API on 127.0.0.1: each request gets the next scripted answer (or a dropped
 * connection) and is recorded, so a test can see what the client sent, attempt by attempt.
 */
final class FakeApi implements AutoCloseable {
    record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private static final Answer DROP = new Answer(-1, null, Map.of());

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    FakeApi answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    FakeApi answer(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers));
        return this;
    }

    /** The connection is closed without an answer, as a crash or a network fault would. */
    FakeApi dropConnection() {
        script.add(DROP);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** A client of this server whose retries record their waits instead of sleeping. */
    CircoFlowsClient.Builder client() {
        return CircoFlowsClient.builder()
                .apiKey("cf_test_fakefakefakefake")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .requestTimeout(Duration.ofSeconds(5))
                .sleeper(sleeps::add)
                .random(new Random(7))
                .environment(name -> null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                caseInsensitive(exchange.getRequestHeaders()), body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(500, "{\"success\":false,\"error\":{\"code\":\"server_error\","
                    + "\"message\":\"unscripted request\",\"type\":\"api_error\"}}", Map.of());
        }
        if (answer == DROP) {
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Request-Id", "req_" + requests.size());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
