package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire, byte for byte: the status line with its reason phrase (429 Too Many
 * Requests) and the header names in the case the contract and the reference write them, as API Gateway
 * sends them. Other tests read headers case-insensitively, as HTTP clients do, so only a raw socket
 * sees this.
 */
@EndToEnd
class WireHeadersIT {
    /** The health limit is 10 a clock minute: 21 requests cross at most one window boundary, so one is 429. */
    private static final int ENOUGH_FOR_A_429 = 21;

    private final E2e e2e;

    WireHeadersIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void apiAnswersCarryCanonicalHeaderNamesAndA429ItsReasonPhrase() throws IOException {
        String apiKey = e2e.newMerchant("Wire Headers Merchant").apiKey();

        String first = exchange("GET /api/health HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + apiKey
                + "\r\nConnection: close\r\n\r\n");
        String throttled = null;
        for (int i = 1; i < ENOUGH_FOR_A_429 && throttled == null; i++) {
            String answer = exchange("GET /api/health HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + apiKey
                    + "\r\nConnection: close\r\n\r\n");
            if (answer.startsWith("HTTP/1.1 429")) {
                throttled = answer;
            }
        }

        assertEquals("HTTP/1.1 200 OK", statusLine(first));
        List<String> names = headerNames(first);
        for (String name : List.of("Content-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                "X-Request-Id")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
        assertTrue(throttled != null, "no 429 within " + ENOUGH_FOR_A_429 + " requests");
        assertEquals("HTTP/1.1 429 Too Many Requests", statusLine(throttled));
        assertTrue(headerNames(throttled).contains("Retry-After"), throttled);
        assertTrue(headerNames(throttled).contains("X-RateLimit-Remaining"), throttled);
    }

    @Test
    void anIdempotentReplayIsMarkedInCanonicalCase() throws IOException {
        String apiKey = e2e.newMerchant("Wire Replay Merchant").apiKey();
        String request = "POST /api/keys HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + apiKey
                + "\r\nIdempotency-Key: wire-replay-1\r\nContent-Type: application/json\r\nContent-Length: 2"
                + "\r\nConnection: close\r\n\r\n{}";

        String created = exchange(request);
        String replayed = exchange(request);

        assertEquals("HTTP/1.1 200 OK", statusLine(created), created);
        assertEquals("HTTP/1.1 200 OK", statusLine(replayed), replayed);
        assertTrue(headerNames(replayed).contains("Idempotent-Replayed"), replayed);
        assertTrue(headerNames(replayed).contains("Content-Type"), replayed);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), e2e.runner().port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String answer) {
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    private static List<String> headerNames(String answer) {
        List<String> names = new ArrayList<>();
        String head = answer.substring(answer.indexOf("\r\n") + 2, answer.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            names.add(line.substring(0, line.indexOf(':')));
        }
        return names;
    }
}
