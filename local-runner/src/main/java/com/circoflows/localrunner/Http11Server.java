package com.circoflows.localrunner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server under the local API front. The JDK's com.sun.net.httpserver rewrites every
 * response header name to its own case ({@code X-ratelimit-limit}) and sends no reason phrase for a
 * status it does not know ({@code HTTP/1.1 429 }); API Gateway does neither. This one writes the status
 * line with its reason phrase and the header names exactly as the function gave them.
 *
 * <p>It reads requests as leniently as the JDK server did, so the functions still see what a client
 * sent: header values are any bytes but CR and LF (as ISO-8859-1), bodies fixed-length or chunked, with
 * Expect: 100-continue and keep-alive. One thread per open connection; a connection whose next request
 * has not fully arrived {@link #IDLE_TIMEOUT_MS} after the previous answer (or the connection) is closed.
 */
final class Http11Server implements AutoCloseable {
    /** What a connection is given to send its next request in full, however slowly it sends it. */
    static final int IDLE_TIMEOUT_MS = 30_000;
    /** The request line and headers together; a head over it gets 431 without being read further. */
    static final int MAX_HEAD_BYTES = 256 * 1024;
    private static final int MAX_CONNECTIONS = 1024;
    /** How long unread request bytes are drained before a connection this server ends is closed. */
    private static final int LINGER_MS = 2_000;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /**
     * One request as it arrived. {@code body} is null when it was over the server's limit (the rest
     * is not read, so the connection closes after the answer).
     */
    record Request(String method, String target, String protocol, List<Map.Entry<String, String>> headers,
            InetSocketAddress remote, byte[] body) {
        String rawPath() {
            String path = target;
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            // absolute-form (http://host/path), which HTTP/1.1 servers must accept
            int scheme = path.indexOf("://");
            if (scheme > 0 && !path.startsWith("/")) {
                int slash = path.indexOf('/', scheme + 3);
                path = slash < 0 ? "/" : path.substring(slash);
            }
            return path;
        }

        /** The raw query after '?', or null without one. */
        String rawQuery() {
            int query = target.indexOf('?');
            return query < 0 ? null : target.substring(query + 1);
        }
    }

    /** An answer: headers in order, names in the case they are written in. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    interface Handler {
        Response handle(Request request);
    }

    private final ServerSocket serverSocket;
    private final long maxBodyBytes;
    private final long requestDeadlineMs;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Handler handler;
    private volatile boolean closed;

    private Http11Server(ServerSocket serverSocket, long maxBodyBytes, long requestDeadlineMs) {
        this.serverSocket = serverSocket;
        this.maxBodyBytes = maxBodyBytes;
        this.requestDeadlineMs = requestDeadlineMs;
        AtomicInteger threads = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "http-front-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Listens on {@code address}:{@code port} (0: any free port) at once; requests are served after {@link #start}. */
    static Http11Server bind(InetAddress address, int port, int backlog, long maxBodyBytes) throws IOException {
        return bind(address, port, backlog, maxBodyBytes, IDLE_TIMEOUT_MS);
    }

    /** As above, with {@code requestDeadlineMs} instead of {@link #IDLE_TIMEOUT_MS} for each request to arrive. */
    static Http11Server bind(InetAddress address, int port, int backlog, long maxBodyBytes, long requestDeadlineMs)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), backlog);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Http11Server(socket, maxBodyBytes, requestDeadlineMs);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    void start(Handler requestHandler) {
        this.handler = requestHandler;
        Thread acceptor = new Thread(this::acceptLoop, "http-front-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException overLimit) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            DeadlineInputStream timed = new DeadlineInputStream(socket);
            InputStream in = new BufferedInputStream(timed);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            if (answerWhileKeptAlive(socket, timed, in, out)) {
                timed.arm(LINGER_MS);
                lingeringClose(socket, in);
            }
        } catch (IOException clientGone) {
            // A reset, a timeout or a half-sent request: nothing to answer.
        } finally {
            open.remove(socket);
        }
    }

    /** Answers requests until one closes the connection; true when this server closes it (not the client). */
    private boolean answerWhileKeptAlive(Socket socket, DeadlineInputStream timed, InputStream in, OutputStream out)
            throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        while (!closed) {
            Incoming incoming;
            // The wait for the next request and the request itself, head and body, share one deadline.
            timed.arm(requestDeadlineMs);
            try {
                incoming = RequestReader.read(in, out, remote, maxBodyBytes);
            } catch (RequestReader.Refused refused) {
                write(out, "GET", refused.answer(), false);
                return true;
            }
            if (incoming == null) {
                return false;
            }
            Response response;
            try {
                response = handler.handle(incoming.request());
            } catch (RuntimeException e) {
                System.err.println("http front: " + e.getClass().getName() + " while answering a request");
                write(out, "GET", new RequestReader.Refused(500, "Internal Server Error").answer(), false);
                return true;
            }
            boolean keepAlive = incoming.keepAlive() && incoming.request().body() != null;
            write(out, incoming.request().method(), response, keepAlive);
            if (!keepAlive) {
                return true;
            }
        }
        return true;
    }

    /**
     * Closes after the answer is out without resetting the connection: closing a socket with unread
     * request bytes (a refused head, a body over the limit) sends a reset, which can destroy the answer
     * before the client reads it. So the rest is read and dropped for a moment first.
     */
    private static void lingeringClose(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
            byte[] drain = new byte[8192];
            while (System.nanoTime() < deadline && in.read(drain) != -1) {
                // dropped
            }
        } catch (IOException ignored) {
            // the client is gone: nothing left to protect
        }
    }

    /** A request read off the wire, and whether the connection may carry another after it. */
    record Incoming(Request request, boolean keepAlive) {
    }

    private static void write(OutputStream out, String method, Response response, boolean keepAlive)
            throws IOException {
        int status = response.status();
        boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
        byte[] body = response.body() == null ? new byte[0] : response.body();
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(ReasonPhrases.of(status)).append("\r\n");
        boolean hasDate = false;
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("connection")
                    || name.equalsIgnoreCase("transfer-encoding")) {
                continue; // framing is this server's job
            }
            hasDate |= name.equalsIgnoreCase("date");
            head.append(name).append(": ").append(oneLine(header.getValue())).append("\r\n");
        }
        if (!hasDate) {
            head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        }
        if (bodyAllowed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (bodyAllowed && !"HEAD".equals(method)) {
            out.write(body);
        }
        out.flush();
    }

    /** A header value never ends the header early (no response splitting, whatever a function returned). */
    private static String oneLine(String value) {
        return value == null ? "" : value.replace('\r', ' ').replace('\n', ' ');
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(Http11Server::closeQuietly);
        connections.shutdownNow();
    }

    /** Reads one request off a connection: head, then body, answering Expect: 100-continue. */
    static final class RequestReader {
        private RequestReader() {
        }

        /** A request this server answers itself, and then closes the connection. */
        static final class Refused extends Exception {
            private static final long serialVersionUID = 1L;
            private final transient Response answer;

            Refused(int status, String message) {
                super(message, null, false, false);
                this.answer = new Response(status, List.of(Map.entry("Content-Type", "application/json")),
                        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
            }

            Response answer() {
                return answer;
            }
        }

        /** The next request, or null when the client closed the connection between requests. */
        static Incoming read(InputStream in, OutputStream out, InetSocketAddress remote, long maxBodyBytes)
                throws IOException, Refused {
            int[] budget = {MAX_HEAD_BYTES};
            String requestLine = line(in, budget);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = line(in, budget); // RFC 9112 2.2: empty lines before a request are ignored
            }
            if (requestLine == null) {
                return null;
            }
            int firstSpace = requestLine.indexOf(' ');
            int lastSpace = requestLine.lastIndexOf(' ');
            if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
                throw new Refused(400, "Bad Request");
            }
            String method = requestLine.substring(0, firstSpace);
            String target = requestLine.substring(firstSpace + 1, lastSpace);
            String protocol = requestLine.substring(lastSpace + 1);
            if (!protocol.equals("HTTP/1.1") && !protocol.equals("HTTP/1.0")) {
                throw new Refused(protocol.startsWith("HTTP/") ? 505 : 400,
                        protocol.startsWith("HTTP/") ? "HTTP Version Not Supported" : "Bad Request");
            }
            if (!isValidTarget(target)) {
                throw new Refused(400, "Bad Request");
            }
            List<Map.Entry<String, String>> headers = headers(in, budget);
            boolean keepAlive = keepAlive(protocol, headers);
            byte[] body;
            String transferEncoding = first(headers, "transfer-encoding");
            if (transferEncoding != null) {
                if (!transferEncoding.strip().equalsIgnoreCase("chunked")) {
                    throw new Refused(501, "Not Implemented");
                }
                continueIfExpected(headers, out);
                body = chunked(in, maxBodyBytes);
                keepAlive &= first(headers, "content-length") == null; // both framings: trust neither again
            } else {
                long length = contentLength(headers);
                if (length > maxBodyBytes) {
                    body = null;
                } else {
                    if (length > 0) {
                        continueIfExpected(headers, out);
                    }
                    body = in.readNBytes((int) length);
                    if (body.length < length) {
                        throw new IOException("the body ended early");
                    }
                }
            }
            return new Incoming(new Request(method, target, protocol, headers, remote, body), keepAlive);
        }

        /**
         * A request-target a URI can be (RFC 3986): visible ASCII without {@code "<>\\^`{|}[]#}, and every
         * {@code %} starting an escape. API Gateway refuses anything else before any function runs.
         */
        static boolean isValidTarget(String target) {
            if (target.isEmpty()) {
                return false;
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}[]#".indexOf(c) >= 0) {
                    return false;
                }
                if (c == '%' && (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0)) {
                    return false;
                }
            }
            return true;
        }

        private static List<Map.Entry<String, String>> headers(InputStream in, int[] budget)
                throws IOException, Refused {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line = line(in, budget); ; line = line(in, budget)) {
                if (line == null) {
                    throw new IOException("the connection closed inside the request head");
                }
                if (line.isEmpty()) {
                    return headers;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                    // obsolete line folding: part of the previous value
                    Map.Entry<String, String> previous = headers.remove(headers.size() - 1);
                    headers.add(Map.entry(previous.getKey(), previous.getValue() + " " + line.strip()));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new Refused(400, "Bad Request");
                }
                headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }

        private static boolean keepAlive(String protocol, List<Map.Entry<String, String>> headers) {
            String connection = first(headers, "connection");
            String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
            return protocol.equals("HTTP/1.1") ? !tokens.contains("close") : tokens.contains("keep-alive");
        }

        private static long contentLength(List<Map.Entry<String, String>> headers) throws Refused {
            Long length = null;
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equalsIgnoreCase("content-length")) {
                    for (String value : header.getValue().split(",")) {
                        long parsed;
                        try {
                            parsed = Long.parseLong(value.strip());
                        } catch (NumberFormatException e) {
                            throw new Refused(400, "Bad Request");
                        }
                        if (parsed < 0 || (length != null && length != parsed)) {
                            throw new Refused(400, "Bad Request");
                        }
                        length = parsed;
                    }
                }
            }
            return length == null ? 0 : length;
        }

        private static void continueIfExpected(List<Map.Entry<String, String>> headers, OutputStream out)
                throws IOException {
            String expect = first(headers, "expect");
            if (expect != null && expect.strip().equalsIgnoreCase("100-continue")) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        /** A chunked body, or null once it passes {@code maxBodyBytes} (the rest is left unread). */
        private static byte[] chunked(InputStream in, long maxBodyBytes) throws IOException, Refused {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int[] lineBudget = {MAX_HEAD_BYTES};
            while (true) {
                String sizeLine = line(in, lineBudget);
                if (sizeLine == null) {
                    throw new IOException("the chunked body ended early");
                }
                int extension = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new Refused(400, "Bad Request");
                }
                if (size < 0) {
                    throw new Refused(400, "Bad Request");
                }
                if (size == 0) {
                    for (String trailer = line(in, lineBudget); ; trailer = line(in, lineBudget)) {
                        if (trailer == null) {
                            throw new IOException("the chunked body ended early");
                        }
                        if (trailer.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                if (body.size() + size > maxBodyBytes) {
                    return null;
                }
                byte[] chunk = in.readNBytes((int) size);
                if (chunk.length < size) {
                    throw new IOException("the chunked body ended early");
                }
                body.write(chunk);
                String end = line(in, lineBudget);
                if (end == null || !end.isEmpty()) {
                    throw new Refused(400, "Bad Request");
                }
            }
        }

        /** One line without its CRLF (or bare LF), as ISO-8859-1; null at the end of the stream before any byte. */
        private static String line(InputStream in, int[] budget) throws IOException, Refused {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            for (int b = in.read(); b != -1; b = in.read()) {
                if (--budget[0] < 0) {
                    throw new Refused(431, "Request Header Fields Too Large");
                }
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            if (line.size() == 0) {
                return null;
            }
            throw new IOException("the connection closed inside a line");
        }

        private static String first(List<Map.Entry<String, String>> headers, String name) {
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    /** The reason phrases of RFC 9110 for the statuses this API, its pages and API Gateway answer with. */
    static final class ReasonPhrases {
        private static final Map<Integer, String> PHRASES = Map.ofEntries(
                Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
                Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
                Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
                Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
                Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
                Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
                Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
                Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"),
                Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
                Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"),
                Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
                Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
                Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
                Map.entry(505, "HTTP Version Not Supported"));

        private ReasonPhrases() {
        }

        /** The phrase, or an empty one for a status without one here (RFC 9112 allows it). */
        static String of(int status) {
            return PHRASES.getOrDefault(status, "");
        }
    }
}
