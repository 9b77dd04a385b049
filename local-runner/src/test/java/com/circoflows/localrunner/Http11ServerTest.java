package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local front's HTTP/1.1 server, byte for byte on a socket. */
class Http11ServerTest {
    private final List<Http11Server.Request> received = new CopyOnWriteArrayList<>();
    private Http11Server server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theStatusLineHasItsReasonPhraseAndHeaderNamesKeepTheirCase() throws IOException {
        start(16, request -> new Http11Server.Response(429, List.of(Map.entry("X-RateLimit-Limit", "10"),
                Map.entry("Retry-After", "7"), Map.entry("x-lower-stays-lower", "1"),
                Map.entry("Content-Type", "application/json")), "{}".getBytes(StandardCharsets.UTF_8)));

        String answer = exchange("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), answer);
        assertTrue(answer.contains("\r\nX-RateLimit-Limit: 10\r\n"), answer);
        assertTrue(answer.contains("\r\nRetry-After: 7\r\n"), answer);
        assertTrue(answer.contains("\r\nx-lower-stays-lower: 1\r\n"), answer);
        assertTrue(answer.contains("\r\nContent-Length: 2\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n{}"), answer);
    }

    @Test
    void requestsKeepTheirHeadersAndBodiesAcrossOneKeptAliveConnection() throws IOException {
        start(1024, request -> new Http11Server.Response(200, List.of(), request.body()));

        String answers = exchange("POST /a?x=1 HTTP/1.1\r\nHost: x\r\nX-Odd: v\u00e9\u0001\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
                + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertEquals(3, received.size(), answers);
        assertEquals("/a", received.get(0).rawPath());
        assertEquals("x=1", received.get(0).rawQuery());
        assertEquals(Map.entry("X-Odd", "v\u00e9\u0001"), received.get(0).headers().get(1), "bytes as ISO-8859-1");
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), received.get(0).body());
        assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), received.get(1).body());
        assertNull(received.get(2).rawQuery());
        assertEquals(3, answers.split("HTTP/1.1 200 OK\r\n", -1).length - 1, answers);
        assertTrue(answers.endsWith("Connection: close\r\n\r\n"), answers);
    }

    @Test
    void aClientThatExpects100ContinueIsAskedForTheBody() throws IOException {
        start(1024, request -> new Http11Server.Response(201, List.of(), request.body()));

        try (Socket socket = connect()) {
            socket.getOutputStream().write(("PUT /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String interim = new String(socket.getInputStream().readNBytes(25), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim);
            socket.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 201 Created\r\n") && answer.endsWith("ok"), answer);
        }
    }

    @Test
    void aBodyOverTheLimitReachesTheHandlerAsNullAndTheConnectionCloses() throws IOException {
        start(4, request -> new Http11Server.Response(request.body() == null ? 413 : 200, List.of(), new byte[0]));

        String answer = exchange("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789");

        assertTrue(answer.startsWith("HTTP/1.1 413 Content Too Large\r\n"), answer);
        assertTrue(answer.contains("Connection: close\r\n"), answer);
        assertNull(received.get(0).body());
    }

    @Test
    void aHeadOverTheServersLimitIs431WithoutReachingTheHandler() throws IOException {
        start(16, request -> new Http11Server.Response(200, List.of(), new byte[0]));

        String answer = exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(Http11Server.MAX_HEAD_BYTES)
                + "\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer);
        assertTrue(answer.endsWith("{\"message\":\"Request Header Fields Too Large\"}"), answer);
        assertTrue(received.isEmpty());
    }

    @Test
    void aMalformedRequestIs400() throws IOException {
        start(16, request -> new Http11Server.Response(200, List.of(), new byte[0]));

        assertTrue(exchange("NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertTrue(exchange("GET / HTTP/1.1\r\nno colon here\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertTrue(exchange("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
        for (String target : List.of("/a b", "/a\u0001", "/caf\u00e9", "/a%zz", "/a%2", "/<x>", "/a#b", "/a[1]")) {
            String answer = exchange("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n") && answer.endsWith("{\"message\":\"Bad Request\"}"),
                    target + ": " + answer);
        }
        assertTrue(received.isEmpty());
    }

    @Test
    void aHeadRequestGetsTheLengthButNoBody() throws IOException {
        start(16, request -> new Http11Server.Response(200, List.of(), "abc".getBytes(StandardCharsets.US_ASCII)));

        String answer = exchange("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertTrue(answer.contains("Content-Length: 3\r\n") && answer.endsWith("\r\n\r\n"), answer);
    }

    @Test
    void aClientThatDribblesItsRequestAByteAtATimeIsCutOffAtTheRequestDeadline() throws Exception {
        server = Http11Server.bind(InetAddress.getLoopbackAddress(), 0, 16, 16, 300);
        server.start(request -> new Http11Server.Response(200, List.of(), new byte[0]));

        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            boolean cutOff = false;
            // Every byte comes well within any per-read timeout; only a deadline for the whole request ends it.
            for (int i = 0; i < 400 && !cutOff; i++) {
                try {
                    socket.getOutputStream().write('a');
                    socket.getOutputStream().flush();
                    socket.setSoTimeout(25);
                    cutOff = socket.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // not yet
                } catch (IOException reset) {
                    cutOff = true;
                }
            }
            assertTrue(cutOff, "the dribbling client was never cut off");
            assertTrue(received.isEmpty());
        }
    }

    private void start(long maxBodyBytes, Http11Server.Handler handler) throws IOException {
        server = Http11Server.bind(InetAddress.getLoopbackAddress(), 0, 16, maxBodyBytes);
        server.start(request -> {
            received.add(request);
            return handler.handle(request);
        });
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends the bytes (ISO-8859-1) in one write and reads until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may close before reading everything a refused request sent
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
