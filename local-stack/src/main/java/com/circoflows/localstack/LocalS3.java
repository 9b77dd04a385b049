package com.circoflows.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 stand-in in this JVM on 127.0.0.1, for the template's {@code AWS::S3::Bucket}s, as ElasticMQ
 * stands in for SQS: it answers the three things the functions and their users' browsers do with a
 * bucket (ADR 0021). A browser's form post (a presigned POST, checked as S3 checks it:
 * {@link PostPolicyCheck}), then the 303 to its {@code success_action_redirect}; a GetObject, whole or
 * one byte range; a DeleteObject. Path-style only ({@code http://127.0.0.1:<port>/<bucket>/<key>}).
 * Requests the SDK signs are not verified. Objects live in {@code <data dir>/s3/<bucket>/}, so uploads
 * survive a restart as everything else of the local runner does, or in memory. No lifecycle rule runs:
 * an upload nobody used stays until deleted.
 */
public final class LocalS3 implements ServiceEndpoint, AutoCloseable {
    /** The credentials every local function is given; the post policy's signature is checked with them. */
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    /** The form's fields and a file of up to 10 MB (the uploads' own limit) with room to spare. */
    private static final int MAX_POST_BYTES = 11 * 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-(\\d*)$");

    private final HttpServer server;
    private final Path directory;
    private final Map<String, byte[]> inMemory = new ConcurrentHashMap<>();
    private final List<String> buckets;
    private final Map<String, String> secrets;
    private final Clock clock;

    private LocalS3(HttpServer server, Path directory, List<String> buckets, Map<String, String> secrets, Clock clock) {
        this.server = server;
        this.directory = directory;
        this.buckets = List.copyOf(buckets);
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    /** @param directory where objects are kept, or null for memory */
    public static LocalS3 start(Path directory, List<String> buckets) {
        return start(directory, buckets, Map.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY), Clock.systemUTC());
    }

    static LocalS3 start(Path directory, List<String> buckets, Map<String, String> secrets, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local S3", e);
        }
        LocalS3 s3 = new LocalS3(server, directory, buckets, secrets, clock);
        server.createContext("/", s3::handle);
        server.start();
        return s3;
    }

    /** The bucket name a template's bucket gets here, for {@code !Ref}: the same in every local stack. */
    public static String bucketName(String logicalId) {
        return "local-" + logicalId.toLowerCase(Locale.ROOT);
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An object's bytes, for tests: empty when there is none. */
    public Optional<byte[]> object(String bucket, String key) {
        return Optional.ofNullable(read(bucket, key));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            int slash = path.indexOf('/', 1);
            String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
            String key = slash < 0 ? "" : java.net.URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
            if (!buckets.contains(bucket)) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    if (!key.isEmpty()) {
                        error(exchange, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
                    } else {
                        post(exchange, bucket);
                    }
                }
                case "GET" -> get(exchange, bucket, key);
                case "DELETE" -> {
                    delete(bucket, key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
        }
    }

    private void post(HttpExchange exchange, String bucket) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length) > MAX_POST_BYTES) {
            error(exchange, 400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_POST_BYTES + 1);
        }
        if (body.length > MAX_POST_BYTES) {
            error(exchange, 400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            return;
        }
        MultipartForm form = MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        if (form == null) {
            error(exchange, 412, "PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data");
            return;
        }
        PostPolicyCheck.Refusal refusal = PostPolicyCheck.check(bucket, form, secrets, clock.instant());
        if (refusal != null) {
            error(exchange, refusal.status(), refusal.code(), refusal.message());
            return;
        }
        Map<String, String> fields = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(form.fields());
        String key = fields.get("key");
        write(bucket, key, form.file());
        String etag = "\"" + md5(form.file()) + "\"";
        String redirect = fields.get("success_action_redirect");
        exchange.getResponseHeaders().set("ETag", etag);
        if (redirect == null || redirect.isEmpty()) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        exchange.getResponseHeaders().set("Location", redirect + (redirect.contains("?") ? "&" : "?")
                + "bucket=" + encode(bucket) + "&key=" + encode(key) + "&etag=" + encode(etag));
        exchange.sendResponseHeaders(303, -1);
    }

    private void get(HttpExchange exchange, String bucket, String key) throws IOException {
        byte[] object = read(bucket, key);
        if (object == null) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        int to = object.length - 1;
        int status = 200;
        if (range != null) {
            Matcher matcher = RANGE.matcher(range.trim());
            if (matcher.matches()) {
                from = (int) Math.min(Long.parseLong(matcher.group(1)), Integer.MAX_VALUE);
                if (from >= object.length) {
                    error(exchange, 416, "InvalidRange", "The requested range is not satisfiable");
                    return;
                }
                if (!matcher.group(2).isEmpty()) {
                    to = (int) Math.min(Long.parseLong(matcher.group(2)), object.length - 1L);
                }
                status = 206;
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + object.length);
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("ETag", "\"" + md5(object) + "\"");
        exchange.sendResponseHeaders(status, to - from + 1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(object, from, to - from + 1);
        }
    }

    private void write(String bucket, String key, byte[] bytes) throws IOException {
        if (directory == null) {
            inMemory.put(bucket + "/" + key, bytes);
            return;
        }
        Path file = fileOf(bucket, key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private byte[] read(String bucket, String key) {
        if (directory == null) {
            return inMemory.get(bucket + "/" + key);
        }
        try {
            return Files.readAllBytes(fileOf(bucket, key));
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String bucket, String key) throws IOException {
        if (directory == null) {
            inMemory.remove(bucket + "/" + key);
        } else {
            Files.deleteIfExists(fileOf(bucket, key));
        }
    }

    /** One file per object, its key percent-encoded, so no key can name a path outside the bucket's folder. */
    private Path fileOf(String bucket, String key) {
        return directory.resolve(bucket).resolve(encode(key).replace("*", "%2A").replace(".", "%2E"));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
