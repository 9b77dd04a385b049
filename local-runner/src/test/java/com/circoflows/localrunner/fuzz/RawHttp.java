package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.ResponseHygiene;
import com.circoflows.localrunner.openapi.OpenApiContract;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the case says: java.net.http refuses control
 * characters and non-Latin-1 text in headers and rewrites some of them, which are exactly what the
 * fuzz sends. Every answer goes through {@link ResponseHygiene} and {@link OpenApiContract}, as
 * {@code Api}'s do: hostile input must still get an answer docs/openapi.yaml documents.
 */
final class RawHttp {
    /** Far above any honest answer here; a case that gets no answer in this time is a hang. */
    private static final int READ_TIMEOUT_MS = 30_000;
    /**
     * The fuzz's failed authentications spend the per-address budget (docs/api.md, Rate limits) of the
     * runner this JVM shares with other test classes, which then get 429 where they expect 401. Sent
     * from a loopback address of its own (Linux routes all of 127.0.0.0/8 to lo), it spends its own.
     * Where only 127.0.0.1 exists, that is used.
     */
    private static final InetAddress SOURCE = ownLoopbackAddress();

    private RawHttp() {
    }

    static HttpResult send(E2e e2e, FuzzCase fuzzCase) {
        int port = e2e.runner().port();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress(SOURCE, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            // One write: a head and a body in two small segments would wait out Nagle and a delayed ACK.
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(requestHead(fuzzCase, port));
            if (fuzzCase.body() != null) {
                request.writeBytes(fuzzCase.chunked() ? chunked(fuzzCase.body()) : fuzzCase.body());
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            HttpResult result = read(new BufferedInputStream(socket.getInputStream()), fuzzCase, e2e);
            assertClean(result, e2e);
            OpenApiContract.get().assertConforms(result);
            return result;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + READ_TIMEOUT_MS / 1000 + " s (a hang): "
                    + fuzzCase.describe());
        } catch (IOException e) {
            throw new AssertionError("no answer (" + e + "): " + fuzzCase.describe());
        }
    }

    private static InetAddress ownLoopbackAddress() {
        try {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, 66});
            try (Socket probe = new Socket()) {
                probe.bind(new InetSocketAddress(address, 0));
            }
            return address;
        } catch (IOException notConfigured) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private static byte[] requestHead(FuzzCase fuzzCase, int port) {
        return headText(fuzzCase, port).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What API Gateway's 10,240-byte quota counts of this request as sent: the request line and the
     * header values, in bytes.
     */
    static long requestLineAndHeaderValueBytes(FuzzCase fuzzCase, int port) {
        String[] lines = headText(fuzzCase, port).split("\r\n");
        long bytes = lines[0].getBytes(StandardCharsets.UTF_8).length;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            bytes += lines[i].substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private static String headText(FuzzCase fuzzCase, int port) {
        StringBuilder head = new StringBuilder();
        head.append(fuzzCase.method()).append(' ').append(clientTarget(fuzzCase.target())).append(" HTTP/1.1\r\n");
        if (fuzzCase.header("host") == null) {
            head.append("Host: localhost:").append(port).append("\r\n");
        }
        for (Map.Entry<String, String> header : fuzzCase.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (fuzzCase.body() != null && fuzzCase.header("content-length") == null) {
            head.append(fuzzCase.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + fuzzCase.body().length)
                    .append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        // Written as UTF-8: what curl does with a header it is given, its bytes as typed.
        return head.toString();
    }

    /**
     * The target as a conforming HTTP client sends it (RFC 3986): every byte a request-target can't
     * hold raw (space, controls, non-ASCII, "<>\\^`{|}[]#", a % that starts no escape) percent-encoded.
     * The JDK server behind the local runner would answer anything else with its own 400 (see docs/api.md, "Errors").
     */
    static String clientTarget(String target) {
        StringBuilder safe = new StringBuilder();
        byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escapeStart = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (b > 0x20 && b < 0x7f && "\"<>\\^`{|}[]#".indexOf(b) < 0 && (b != '%' || escapeStart)) {
                safe.append((char) b);
            } else {
                safe.append('%').append(String.format("%02X", b));
            }
        }
        return safe.toString();
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 4096) {
            int length = Math.min(4096, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static HttpResult read(InputStream in, FuzzCase fuzzCase, E2e e2e) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new AssertionError("the connection closed without an answer: " + fuzzCase.describe());
        }
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new AssertionError("not an HTTP answer (" + statusLine + "): " + fuzzCase.describe());
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        byte[] body = body(in, headers);
        return new HttpResult(fuzzCase.method(), displayUri(e2e, fuzzCase.target()), Integer.parseInt(status[1]),
                HttpHeaders.of(headers, (name, value) -> true), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            return body.toByteArray();
        }
        List<String> length = headers.get("content-length");
        return length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length.get(0)));
    }

    private static int chunkSize(String line) throws EOFException {
        if (line == null) {
            throw new EOFException("chunked answer cut short");
        }
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertClean(HttpResult result, E2e e2e) {
        List<String> problems = new ArrayList<>(ResponseHygiene.problems(result.body(), e2e.tableNames()));
        result.headers().map().forEach((name, values) -> values.forEach(value ->
                ResponseHygiene.problems(value, e2e.tableNames())
                        .forEach(problem -> problems.add("header " + name + " " + problem))));
        if (!problems.isEmpty()) {
            throw new AssertionError("answer leaks internals " + problems + ": " + result.describe());
        }
    }

    private static URI displayUri(E2e e2e, String target) {
        String sent = clientTarget(target);
        return URI.create(e2e.baseUrl() + (sent.startsWith("/") ? "" : "/") + sent);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
