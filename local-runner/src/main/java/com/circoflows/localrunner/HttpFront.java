package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.localstack.LocalLambdaContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plays API Gateway: real HTTP in, the routed function invoked with a v2 event, its response out with
 * the header names as the function wrote them and the status's reason phrase ({@link Http11Server}).
 */
final class HttpFront implements AutoCloseable {
    /** API Gateway's own payload limit. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** An HTTP API's fixed quota on the request line and header values together. */
    private static final int MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;
    private static final String NOT_FOUND_BODY = "{\"message\":\"Not Found\"}";

    private final Http11Server server;
    private final RouteTable<LocalFunction> routes;

    HttpFront(Http11Server server, RouteTable<LocalFunction> routes) {
        this.server = server;
        this.routes = routes;
    }

    /** Listens on {@code host} (an address or a name; 0.0.0.0 for every interface) and {@code port}. */
    static Http11Server bind(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot listen on " + host + ": no such address (set HOST)", e);
        }
        try {
            return Http11Server.bind(address, port, 256, MAX_BODY_BYTES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port
                    + " (is another runner running? set PORT, or HOST)", e);
        }
    }

    void start() {
        server.start(this::serve);
    }

    private Http11Server.Response serve(Http11Server.Request request) {
        if (requestLineAndHeaderBytes(request) > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
            return json(431, "{\"message\":\"Request Header Fields Too Large\"}");
        }
        if (request.body() == null) {
            return json(413, "{\"message\":\"Request Entity Too Large\"}");
        }
        String path = request.rawPath();
        Optional<RouteTable.Match<LocalFunction>> match = routes.match(request.method(), path);
        if (match.isEmpty()) {
            return json(404, NOT_FOUND_BODY);
        }
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = ApiGatewayEventBuilder.build(
                request, match.get().routeKey(), match.get().pathParameters(), requestId);
        LocalFunction function = match.get().target();
        APIGatewayV2HTTPResponse response;
        try {
            response = function.handler().handleRequest(event,
                    new LocalLambdaContext(requestId, function.definition().logicalId(), 1024));
        } catch (RuntimeException e) {
            // What API Gateway answers when the function itself crashes.
            System.err.println("function " + function.definition().logicalId() + " failed: " + e.getClass().getName());
            return json(500, "{\"message\":\"Internal Server Error\"}");
        }
        return respond(response);
    }

    /** The function's answer as API Gateway sends it: its header names unchanged, a cookie per Set-Cookie. */
    private static Http11Server.Response respond(APIGatewayV2HTTPResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean hasContentType = false;
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                headers.add(Map.entry(header.getKey(), header.getValue()));
                hasContentType |= header.getKey().equalsIgnoreCase("content-type");
            }
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie)));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (!hasContentType && body.length > 0) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return new Http11Server.Response(response.getStatusCode(), headers, body);
    }

    private static Http11Server.Response json(int status, String body) {
        return new Http11Server.Response(status, List.of(Map.entry("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** As API Gateway counts them: the request line, and every header's value (bytes read as Latin-1). */
    private static long requestLineAndHeaderBytes(Http11Server.Request request) {
        long bytes = request.method().length() + 1 + request.target().length() + 1 + request.protocol().length();
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getValue().length();
        }
        return bytes;
    }

    int port() {
        return server.port();
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }
}
