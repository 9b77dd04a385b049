package com.circoflows.cli.collection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Postman collection (format v2.1, which Postman, Bruno and Insomnia import) of the merchant API's
 * operations: one folder per tag, one request per operation, filled with the spec's examples,
 * authenticated by the collection's bearer token {@code {{apiKey}}} against {@code {{baseUrl}}}.
 *
 * <p>The same spec always gives the same text (document order, no timestamps, a fixed collection id),
 * so the committed collection only changes when the spec does.
 */
public final class PostmanCollection {
    public static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    /** Only the API a merchant's code calls: the customer pages and the dashboard are HTML for browsers. */
    public static final String API_PATHS = "/api/";
    public static final String REGENERATE =
            "bin/circoflows collection --out examples/postman/circoflows.postman_collection.json";

    private static final String DEFAULT_BASE_URL = "http://localhost:3000";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<String> METHODS_WITH_IDEMPOTENCY = Set.of("POST", "PUT");
    /** Headers the collection sets itself, whatever an operation declares. */
    private static final Set<String> HEADERS_SET_HERE = Set.of("idempotency-key", "authorization", "content-type");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private static final String EXPIRES_AT = "expires_at";
    private static final String EXPIRES_AT_VARIABLE = "expiresAt";
    /** Tomorrow, to the second, as RFC 3339: within every expiry range the API accepts. */
    static final String EXPIRES_AT_SCRIPT = "pm.collectionVariables.set('" + EXPIRES_AT_VARIABLE
            + "', new Date(Date.now() + 24 * 3600 * 1000).toISOString().replace(/\\.\\d{3}Z$/, 'Z'));";

    private final OpenApiDocument spec;
    private final ExampleValues examples;

    public PostmanCollection(OpenApiDocument spec) {
        this.spec = spec;
        this.examples = new ExampleValues(spec);
    }

    public static String fromSpec(Path specFile) throws IOException {
        return new PostmanCollection(OpenApiDocument.read(specFile)).toJson();
    }

    /** The collection as the committed file holds it, ending with a line break. */
    public String toJson() {
        return PrettyJson.write(build()) + "\n";
    }

    ObjectNode build() {
        ObjectNode collection = PrettyJson.mapper().createObjectNode();
        collection.set("info", info());
        ArrayNode folders = collection.putArray("item");
        Map<String, String> tagDescriptions = spec.tagDescriptions();
        for (Map.Entry<String, List<ApiOperation>> tag : operationsByTag(tagDescriptions).entrySet()) {
            ObjectNode folder = folders.addObject();
            folder.put("name", tag.getKey());
            String description = tagDescriptions.get(tag.getKey());
            if (description != null && !description.isBlank()) {
                folder.put("description", description.trim());
            }
            ArrayNode requests = folder.putArray("item");
            tag.getValue().forEach(operation -> requests.add(request(operation)));
        }
        addExpiresAtScript(collection);
        ObjectNode auth = collection.putObject("auth");
        auth.put("type", "bearer");
        ObjectNode token = auth.putArray("bearer").addObject();
        token.put("key", "token");
        token.put("value", "{{apiKey}}");
        token.put("type", "string");
        ArrayNode variables = collection.putArray("variable");
        String baseUrl = Optional.ofNullable(spec.firstServerUrl()).orElse(DEFAULT_BASE_URL);
        addVariable(variables, "baseUrl", baseUrl, "Where the API answers: the local runner (bin/run-local) by"
                + " default; a deployed stack's ApiUrl otherwise.");
        addVariable(variables, "apiKey", "", "Your API key (cf_test_…): paste the test key bin/run-local prints."
                + " Keep live keys out of shared collections.");
        return collection;
    }

    private static void addVariable(ArrayNode variables, String key, String value, String description) {
        ObjectNode variable = variables.addObject();
        variable.put("key", key);
        variable.put("value", value);
        variable.put("type", "string");
        variable.put("description", description);
    }

    private ObjectNode info() {
        Map<String, Object> info = spec.info();
        String title = Optional.ofNullable(Maps.text(info, "title")).orElse("API");
        ObjectNode node = PrettyJson.mapper().createObjectNode();
        // Named by the title, not the content: a re-import replaces the collection instead of adding a copy.
        node.put("_postman_id", UUID.nameUUIDFromBytes(("postman collection of " + title)
                .getBytes(StandardCharsets.UTF_8)).toString());
        node.put("name", title);
        node.put("description", collectionDescription(info));
        node.put("schema", SCHEMA);
        return node;
    }

    private static String collectionDescription(Map<String, Object> info) {
        StringBuilder text = new StringBuilder();
        String summary = Maps.text(info, "summary");
        if (summary != null && !summary.isBlank()) {
            text.append(summary.trim()).append("\n\n");
        }
        text.append("Generated from docs/openapi.yaml");
        String version = Maps.text(info, "version");
        if (version != null) {
            text.append(" (API version ").append(version).append(')');
        }
        text.append(" by `").append(REGENERATE).append("`: change the spec, not this file. It holds the")
                .append(" merchant API (`/api/...`); the customer pages and the dashboard are HTML for browsers.\n\n")
                .append("Set the collection variable `apiKey` to a test API key (bin/run-local prints one);")
                .append(" `baseUrl` is the local runner. Every POST and PUT sends a new `Idempotency-Key`")
                .append(" (`{{$guid}}`): put a fixed value in its place to retry a request without repeating it.");
        return text.toString();
    }

    /** The declared tags' order first, then any other tag in the order operations use it. */
    private Map<String, List<ApiOperation>> operationsByTag(Map<String, String> tagDescriptions) {
        Map<String, List<ApiOperation>> byTag = new LinkedHashMap<>();
        tagDescriptions.keySet().forEach(tag -> byTag.put(tag, new ArrayList<>()));
        for (ApiOperation operation : spec.operationsUnder(API_PATHS)) {
            String tag = Optional.ofNullable(operation.firstTag()).orElse("Other");
            byTag.computeIfAbsent(tag, name -> new ArrayList<>()).add(operation);
        }
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private ObjectNode request(ApiOperation operation) {
        ObjectNode item = PrettyJson.mapper().createObjectNode();
        item.put("name", operation.title());
        ObjectNode request = item.putObject("request");
        if (operation.isPublic()) {
            request.putObject("auth").put("type", "noauth");
        }
        request.put("method", operation.method());
        Optional<Object> body = examples.requestBody(operation).map(PostmanCollection::withMovingExpiry);
        request.set("header", headers(operation, body.isPresent()));
        body.ifPresent(value -> {
            ObjectNode raw = request.putObject("body");
            raw.put("mode", "raw");
            raw.put("raw", PrettyJson.write(value));
            raw.putObject("options").putObject("raw").put("language", "json");
        });
        request.set("url", url(operation));
        String description = operation.description().isEmpty() ? operation.title() : operation.description();
        String reference = operation.operationId() == null ? ""
                : "\n\nOperation `" + operation.operationId() + "` of docs/openapi.yaml.";
        request.put("description", description + reference);
        item.putArray("response");
        return item;
    }

    /**
     * The spec's examples carry a fixed {@code expires_at}, which the API refuses once it has passed: the
     * collection sends one a day ahead of the moment the request is sent ({@link #EXPIRES_AT_SCRIPT}).
     */
    private static Object withMovingExpiry(Object body) {
        if (!(body instanceof Map) || !Maps.of(body).containsKey(EXPIRES_AT)) {
            return body;
        }
        Map<String, Object> moved = new LinkedHashMap<>(Maps.of(body));
        moved.put(EXPIRES_AT, "{{" + EXPIRES_AT_VARIABLE + "}}");
        return moved;
    }

    private static void addExpiresAtScript(ObjectNode collection) {
        ObjectNode event = collection.putArray("event").addObject();
        event.put("listen", "prerequest");
        ObjectNode script = event.putObject("script");
        script.put("type", "text/javascript");
        script.putArray("exec").add(EXPIRES_AT_SCRIPT);
    }

    private ArrayNode headers(ApiOperation operation, boolean hasBody) {
        ArrayNode headers = PrettyJson.mapper().createArrayNode();
        if (hasBody) {
            ObjectNode contentType = headers.addObject();
            contentType.put("key", "Content-Type");
            contentType.put("value", "application/json");
        }
        if (METHODS_WITH_IDEMPOTENCY.contains(operation.method())) {
            ObjectNode idempotencyKey = headers.addObject();
            idempotencyKey.put("key", IDEMPOTENCY_KEY);
            idempotencyKey.put("value", "{{$guid}}");
            idempotencyKey.put("description", idempotencyKeyDescription(operation));
        }
        for (Map<String, Object> parameter : operation.parametersIn("header")) {
            String name = Maps.text(parameter, "name");
            if (name == null || HEADERS_SET_HERE.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ObjectNode header = headers.addObject();
            header.put("key", name);
            header.put("value", text(examples.parameter(parameter).orElse("")));
            putDescription(header, parameter);
            disableUnlessRequired(header, parameter);
        }
        return headers;
    }

    /** The spec's own words where the operation declares the header; the API takes it on every POST and PUT. */
    private static String idempotencyKeyDescription(ApiOperation operation) {
        for (Map<String, Object> parameter : operation.parametersIn("header")) {
            if (IDEMPOTENCY_KEY.equalsIgnoreCase(Maps.text(parameter, "name"))) {
                String description = Maps.text(parameter, "description");
                if (description != null && !description.isBlank()) {
                    return description.trim();
                }
            }
        }
        return "Run this write at most once: a retry with the same key gets the first answer again.";
    }

    private ObjectNode url(ApiOperation operation) {
        ObjectNode url = PrettyJson.mapper().createObjectNode();
        String postmanPath = PATH_PARAMETER.matcher(operation.path()).replaceAll(":$1");
        ArrayNode query = PrettyJson.mapper().createArrayNode();
        for (Map<String, Object> parameter : operation.parametersIn("query")) {
            queryEntries(parameter).forEach(query::add);
        }
        StringBuilder raw = new StringBuilder("{{baseUrl}}").append(postmanPath);
        String separator = "?";
        for (var entry : query) {
            if (!entry.path("disabled").asBoolean(false)) {
                raw.append(separator).append(entry.get("key").asText()).append('=').append(entry.get("value").asText());
                separator = "&";
            }
        }
        url.put("raw", raw.toString());
        url.putArray("host").add("{{baseUrl}}");
        ArrayNode path = url.putArray("path");
        for (String segment : postmanPath.substring(1).split("/")) {
            path.add(segment);
        }
        if (!query.isEmpty()) {
            url.set("query", query);
        }
        ArrayNode variables = pathVariables(operation);
        if (!variables.isEmpty()) {
            url.set("variable", variables);
        }
        return url;
    }

    /** A deepObject parameter (metadata[order_id]=…) is one entry per key; any other is one entry. */
    private List<ObjectNode> queryEntries(Map<String, Object> parameter) {
        String name = Maps.text(parameter, "name");
        Optional<Object> example = examples.parameter(parameter);
        Map<String, Object> pairs = new LinkedHashMap<>();
        if ("deepObject".equals(parameter.get("style"))) {
            if (example.isPresent() && example.get() instanceof Map) {
                Maps.of(example.get()).forEach((key, value) -> pairs.put(name + "[" + key + "]", value));
            } else {
                pairs.put(name + "[key]", "");
            }
        } else {
            pairs.put(name, example.orElse(""));
        }
        List<ObjectNode> entries = new ArrayList<>();
        pairs.forEach((key, value) -> {
            ObjectNode entry = PrettyJson.mapper().createObjectNode();
            entry.put("key", key);
            entry.put("value", text(value));
            putDescription(entry, parameter);
            disableUnlessRequired(entry, parameter);
            entries.add(entry);
        });
        return entries;
    }

    private ArrayNode pathVariables(ApiOperation operation) {
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        operation.parametersIn("path").forEach(parameter -> declared.put(Maps.text(parameter, "name"), parameter));
        ArrayNode variables = PrettyJson.mapper().createArrayNode();
        Matcher names = PATH_PARAMETER.matcher(operation.path());
        while (names.find()) {
            String name = names.group(1);
            Map<String, Object> parameter = declared.getOrDefault(name, Map.of());
            ObjectNode variable = variables.addObject();
            variable.put("key", name);
            variable.put("value", text(examples.parameter(parameter).orElse("<" + name + ">")));
            putDescription(variable, parameter);
        }
        return variables;
    }

    private static void putDescription(ObjectNode node, Map<String, Object> parameter) {
        String description = Maps.text(parameter, "description");
        if (description != null && !description.isBlank()) {
            node.put("description", description.trim());
        }
    }

    /** An optional parameter is there to switch on, so that the request as imported is the plain one. */
    private static void disableUnlessRequired(ObjectNode node, Map<String, Object> parameter) {
        if (!Boolean.TRUE.equals(parameter.get("required"))) {
            node.put("disabled", true);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            return PrettyJson.compact(value);
        }
        return String.valueOf(value);
    }
}
