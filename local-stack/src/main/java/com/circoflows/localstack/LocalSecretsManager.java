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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A Secrets Manager stand-in in this JVM on 127.0.0.1: it answers GetSecretValue, the one call the
 * functions make (SecretsManagerAppSecret), for the template's {@code AWS::SecretsManager::Secret}
 * resources, so the functions read their secret locally through the same SDK client as on AWS.
 * Secrets live in memory; their values come from {@link LocalStackOptions#secretValues()}, or are
 * made up the way CloudFormation's GenerateSecretString would.
 */
public final class LocalSecretsManager implements ServiceEndpoint, AutoCloseable {

    private static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int GENERATED_LENGTH = 64;

    private final HttpServer server;
    private final String region;
    /** By ARN and by name: GetSecretValue takes either as SecretId. */
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    private LocalSecretsManager(HttpServer server, String region) {
        this.server = server;
        this.region = region;
    }

    public static LocalSecretsManager start(String region) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Secrets Manager", e);
        }
        LocalSecretsManager secretsManager = new LocalSecretsManager(server, region);
        server.createContext("/", secretsManager::handle);
        server.start();
        return secretsManager;
    }

    /** Creates or replaces a secret; answers its ARN, shaped like AWS's (name plus six characters). */
    public String put(String name, String value) {
        String arn = "arn:aws:secretsmanager:" + region + ":" + TemplateValueResolver.LOCAL_ACCOUNT_ID
                + ":secret:" + name + "-" + random(6);
        Secret secret = new Secret(arn, name, value);
        secrets.values().removeIf(existing -> existing.name().equals(name));
        secrets.put(arn, secret);
        secrets.put(name, secret);
        return arn;
    }

    /**
     * Creates the template's secrets: the value given for a logical id in {@code values}, else a new
     * random one; their ARNs join the resources, so {@code !Ref} of a secret resolves.
     */
    public ProvisionedResources provision(SamTemplate template, ProvisionedResources resources,
                                          Map<String, String> values) {
        ResolutionContext context = resources.context();
        TemplateValueResolver resolver = new TemplateValueResolver(template);
        for (String logicalId : template.secretIds()) {
            Map<?, ?> properties = TemplateNodes.map(template.resource(logicalId).get("Properties"),
                    logicalId + ".Properties");
            Object rawName = properties.get("Name");
            String name = rawName == null ? context.stackName() + "-" + logicalId : resolver.resolve(rawName, context);
            // A literal SecretString is what CloudFormation stores; otherwise one is made up as GenerateSecretString would.
            Object literal = properties.get("SecretString");
            String value = values.getOrDefault(logicalId,
                    literal instanceof String text ? text : random(GENERATED_LENGTH));
            context = context.withSecret(logicalId, put(name, value));
        }
        return new ProvisionedResources(context);
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!GET_SECRET_VALUE.equals(target)) {
                error(exchange, "UnsupportedOperation", "the local Secrets Manager answers GetSecretValue only, not " + target);
                return;
            }
            Object secretId = readJson(exchange.getRequestBody()).get("SecretId");
            Secret secret = secretId == null ? null : secrets.get(String.valueOf(secretId));
            if (secret == null) {
                error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            respond(exchange, 200, "{\"ARN\":" + quoted(secret.arn()) + ",\"Name\":" + quoted(secret.name())
                    + ",\"SecretString\":" + quoted(secret.value())
                    + ",\"VersionId\":\"00000000-0000-0000-0000-000000000001\",\"VersionStages\":[\"AWSCURRENT\"]}");
        }
    }

    /** JSON is YAML, and the template reader already brings a YAML parser. */
    private static Map<?, ?> readJson(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Yaml(new LoaderOptions()).load(text) instanceof Map<?, ?> map ? map : Map.of();
        } catch (YAMLException notJson) {
            return Map.of();
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, 400, "{\"__type\":" + quoted(type) + ",\"message\":" + quoted(message) + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** toString leaves the value out: stacks and their parts end up in logs. */
    private record Secret(String arn, String name, String value) {
        @Override
        public String toString() {
            return "Secret[" + arn + "]";
        }
    }
}
