package com.circoflows.localrunner.openapi;

import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.openapi.OpenApiDocument.Operation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Holds what the API answers to docs/openapi.yaml: the operation API Gateway would route the request
 * to must document the answer's status, its required headers must be there and match their schemas,
 * its Content-Type must be one the status documents, and a JSON body must match that media type's
 * schema (OpenAPI 3.1's JSON Schema dialect, validated by networknt json-schema-validator). API
 * Gateway's own answers are checked against the document's {@code x-gateway-responses}.
 */
public final class OpenApiContract {
    /** Where the validator thinks the document lives; nothing is fetched (it is handed the text). */
    private static final String DOCUMENT_IRI = "https://circoflows.invalid/docs/openapi.json";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
    private static final int BODY_EXCERPT = 600;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiContract shared;

    private final OpenApiDocument document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(OpenApiDocument document) {
        this.document = document;
        String text;
        try {
            text = JSON.writeValueAsString(document.root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)));
    }

    /** The contract of docs/openapi.yaml, read once per JVM. */
    public static OpenApiContract get() {
        OpenApiContract contract = shared;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                contract = shared;
                if (contract == null) {
                    contract = new OpenApiContract(OpenApiDocument.load());
                    shared = contract;
                }
            }
        }
        return contract;
    }

    public OpenApiDocument document() {
        return document;
    }

    /** Fails, naming the operation, status, every mismatch and the body, when the answer is not documented. */
    public void assertConforms(HttpResult answer) {
        List<String> problems = problems(answer.method(), answer.uri().getRawPath(), answer.status(),
                answer.headers(), answer.body());
        if (!problems.isEmpty()) {
            // Operation and status first: the fuzz groups its failures by the text before the first colon.
            throw new AssertionError(String.join("; ", problems) + "\n  (an answer " + OpenApiDocument.RELATIVE_PATH
                    + " does not document) " + excerpt(answer.method() + " " + answer.uri().getRawPath() + " -> "
                    + answer.status() + " " + answer.body()));
        }
    }

    /** What is wrong with this answer, in words; empty when it is one the document allows. */
    public List<String> problems(String method, String rawPath, int status, HttpHeaders headers, String body) {
        Optional<Operation> operation = document.find(method, rawPath);
        String gatewayPointer = "/x-gateway-responses/" + status;
        boolean gatewayMayAnswer = document.at(gatewayPointer) != null && (status != 404 || operation.isEmpty());
        if (gatewayMayAnswer) {
            List<String> asGateway = responseProblems(gatewayPointer, headers::firstValue, body);
            if (asGateway.isEmpty()) {
                return List.of();
            }
            if (operation.isEmpty()) {
                return prefixed("API Gateway's " + status + " (x-gateway-responses)", asGateway);
            }
        }
        if (operation.isEmpty()) {
            return List.of(method + " " + rawPath + " matches no operation, so the only answer documented for it "
                    + "is API Gateway's 404 {\"message\":\"Not Found\"}; got " + status);
        }
        Operation op = operation.get();
        String responsePointer = responsePointer(op, status);
        if (responsePointer == null) {
            return List.of(op + " does not document status " + status + " (it documents "
                    + fieldNames(op.node().path("responses")) + ")");
        }
        return prefixed(op + " " + status, responseProblems(responsePointer, headers::firstValue, body));
    }

    /**
     * What is wrong with a webhook delivery the API sent: its {@code type} must be one of the document's
     * {@code webhooks}, its headers the ones that webhook's parameters require, its body that webhook's
     * request body schema. Header names are matched ignoring case.
     */
    public List<String> webhookProblems(Map<String, List<String>> headers, String body) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("a webhook body that is not JSON");
        }
        String type = parsed.path("type").asText("");
        String pointer = "/webhooks/" + OpenApiDocument.escape(type) + "/post";
        JsonNode webhook = document.at(pointer);
        if (webhook == null) {
            return List.of("webhook type '" + type + "' is not one of the document's webhooks "
                    + fieldNames(document.root().path("webhooks")));
        }
        List<String> problems = new ArrayList<>();
        Function<String, Optional<String>> header = name -> headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0)).findFirst();
        JsonNode parameters = webhook.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            String parameterPointer = document.resolvedPointer(pointer + "/parameters/" + i);
            JsonNode parameter = document.at(parameterPointer);
            if ("header".equals(parameter.path("in").asText())) {
                problems.addAll(headerProblems(parameter.path("name").asText(), parameterPointer, header));
            }
        }
        String schemaPointer = pointer + "/requestBody/content/application~1json/schema";
        for (Error error : schema(schemaPointer).validate(parsed)) {
            problems.add(error.toString());
        }
        return prefixed("webhook " + type, problems);
    }

    /** The response object documented for this status: exact, else its range (4XX), else default. */
    private String responsePointer(Operation op, int status) {
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            String pointer = op.pointer() + "/responses/" + key;
            if (document.at(pointer) != null) {
                return pointer;
            }
        }
        return null;
    }

    private List<String> responseProblems(String pointer, Function<String, Optional<String>> header, String body) {
        String resolved = document.resolvedPointer(pointer);
        JsonNode response = document.at(resolved);
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = response.path("headers").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            problems.addAll(headerProblems(name,
                    document.resolvedPointer(resolved + "/headers/" + OpenApiDocument.escape(name)), header));
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isEmpty()) {
            if (hasBody) {
                problems.add("a body, where the status documents none");
            }
            return problems;
        }
        Optional<String> contentType = header.apply("content-type");
        if (contentType.isEmpty()) {
            problems.add("no Content-Type (documented: " + fieldNames(content) + ")");
            return problems;
        }
        String mediaType = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            problems.add("Content-Type " + contentType.get() + " (documented: " + fieldNames(content) + ")");
            return problems;
        }
        if (!mediaType.equals("application/json") || !content.path(mediaType).has("schema")) {
            return problems;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(hasBody ? body : "");
        } catch (JsonProcessingException e) {
            problems.add("a body that is not JSON, where the status documents " + mediaType);
            return problems;
        }
        if (parsed == null || parsed.isMissingNode()) {
            problems.add("an empty body, where the status documents " + mediaType);
            return problems;
        }
        for (Error error : schema(resolved + "/content/" + OpenApiDocument.escape(mediaType) + "/schema")
                .validate(parsed)) {
            problems.add(error.toString());
        }
        return problems;
    }

    private List<String> headerProblems(String name, String headerPointer, Function<String, Optional<String>> header) {
        JsonNode definition = document.at(headerPointer);
        Optional<String> value = header.apply(name);
        if (value.isEmpty()) {
            return definition.path("required").asBoolean(false) ? List.of("header " + name + " missing") : List.of();
        }
        if (!definition.has("schema")) {
            return List.of();
        }
        JsonNode schemaNode = document.resolve(definition.get("schema"));
        boolean integer = "integer".equals(schemaNode.path("type").asText());
        JsonNode instance = integer && WHOLE_NUMBER.matcher(value.get()).matches()
                ? LongNode.valueOf(Long.parseLong(value.get())) : TextNode.valueOf(value.get());
        List<String> problems = new ArrayList<>();
        for (Error error : schema(headerPointer + "/schema").validate(instance)) {
            problems.add("header " + name + " '" + value.get() + "': " + error.getMessage());
        }
        return problems;
    }

    /** The schema at this JSON pointer of the document, built once; its references resolve within the document. */
    Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p))));
    }

    /** A JSON pointer as a URI fragment (RFC 6901 section 6): what a fragment can't hold raw, percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> prefixed(String what, List<String> problems) {
        return problems.stream().map(problem -> what + ": " + problem).toList();
    }

    private static String excerpt(String text) {
        return text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "…" : text;
    }
}
