package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Plays API Gateway: real HTTP in, the routed function invoked with a v2 event, its response out. */
final class HttpFront implements AutoCloseable {
    /** API Gateway's own payload limit. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** An HTTP API's fixed quota on the request line and header values together. */
    private static final int MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;
    private static final String NOT_FOUND_BODY = "{\"message\":\"Not Found\"}";
    /**
     * Seconds a connection may take to send its whole request, or to be answered: API Gateway's own
     * 30-second integration timeout. A client still sending after that is cut off, so a slow one
     * holds a thread for at most this long.
     */
    static final int REQUEST_AND_RESPONSE_SECONDS = 30;
    /**
     * Threads reading and serving requests. The JDK server reads a request's headers and body on an
     * executor thread, blocking, so every slow client holds one: there must be far more threads than a
     * developer's browser, tests and tools open connections at once, or a few dozen slow clients starve
     * everyone. Past this many busy threads a new connection is closed at once rather than queued
     * behind them, and each thread is freed within {@link #REQUEST_AND_RESPONSE_SECONDS}.
     */
    static final int MAX_THREADS = 512;
    private static final int CORE_THREADS = 16;

    static {
        // Without it every kept-alive request waits ~40 ms for Nagle's algorithm.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server drops the connection after 200 headers; read them all, so that a request
        // within API Gateway's quota reaches the function and one over it gets the 431 below.
        System.setProperty("sun.net.httpserver.maxReqHeaders", Integer.toString(MAX_REQUEST_LINE_AND_HEADER_BYTES));
        // Read before the first server is created; without them a client that never finishes its
        // request (or never reads its answer) holds its thread for ever.
        System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_AND_RESPONSE_SECONDS));
        System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(REQUEST_AND_RESPONSE_SECONDS));
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable<LocalFunction> routes;

    HttpFront(HttpServer server, RouteTable<LocalFunction> routes) {
        this.server = server;
        this.routes = routes;
        this.executor = requestThreads();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** Listens on {@code host} (an address or a name; 0.0.0.0 for every interface) and {@code port}. */
    static HttpServer bind(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalStateException("cannot listen on " + host + ": no such address (set HOST)");
        }
        try {
            return HttpServer.create(address, 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port
                    + " (is another runner running? set PORT, or HOST)", e);
        }
    }

    /** Up to {@link #MAX_THREADS}, none queued: a task no thread can take is refused (the JDK server closes its connection). */
    private static ExecutorService requestThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread thread = new Thread(work, "http-front-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    void start() {
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (requestLineAndHeaderBytes(exchange) > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
                write(exchange, 431, "application/json",
                        "{\"message\":\"Request Header Fields Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                write(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Optional<RouteTable.Match<LocalFunction>> match = routes.match(exchange.getRequestMethod(), path);
            if (match.isEmpty()) {
                write(exchange, 404, "application/json", NOT_FOUND_BODY.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            APIGatewayV2HTTPEvent event = ApiGatewayEventBuilder.build(
                    exchange, body, match.get().routeKey(), match.get().pathParameters(), requestId);
            LocalFunction function = match.get().target();
            APIGatewayV2HTTPResponse response;
            try {
                response = function.handler().handleRequest(event,
                        new LocalLambdaContext(requestId, function.definition().logicalId(), 1024));
            } catch (RuntimeException e) {
                // What API Gateway answers when the function itself crashes.
                System.err.println("function " + function.definition().logicalId() + " failed: " + e.getClass().getName());
                write(exchange, 500, "application/json",
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, response);
        }
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type") && body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        sendBody(exchange, response.getStatusCode(), body);
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        sendBody(exchange, status, body);
    }

    private static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
        // -1 means no body; 0 would mean chunked.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** As API Gateway counts them: the request line, and every header's value (the JDK reads bytes as Latin-1). */
    private static long requestLineAndHeaderBytes(HttpExchange exchange) {
        long bytes = exchange.getRequestMethod().length() + 1 + exchange.getRequestURI().toString().length() + 1
                + exchange.getProtocol().length();
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                bytes += value.length();
            }
        }
        return bytes;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
