package com.circoflows.localrunner.openapi;

import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/openapi.yaml as a JSON tree, with its operations and API Gateway's way of matching a request
 * path to one. Read with SnakeYAML, which expands the document's YAML anchors (Jackson's YAML reader
 * does not).
 */
public final class OpenApiDocument {
    public static final String RELATIVE_PATH = "docs/openapi.yaml";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** The document reuses header sets and webhook parts through anchors; SnakeYAML's default cap is 50. */
    private static final int MAX_ALIASES = 1_000;

    private final Path file;
    private final JsonNode root;
    private final List<Operation> operations;

    private OpenApiDocument(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
        this.operations = operations(root);
    }

    /** docs/openapi.yaml beside the template.yaml the tests use. */
    public static OpenApiDocument load() {
        return load(SamTemplate.locate().getParent().resolve(RELATIVE_PATH));
    }

    static OpenApiDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new OpenApiDocument(file, parse(text, file.toString()));
    }

    static JsonNode parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        Object tree = new Yaml(new SafeConstructor(options)).load(yaml);
        refuseTimestamps(tree, "", source);
        return new ObjectMapper().valueToTree(tree);
    }

    /** YAML 1.1 reads an unquoted 2026-12-04T16:53:05Z as a date; in an API document it is always text. */
    private static void refuseTimestamps(Object node, String path, String source) {
        if (node instanceof Date) {
            throw new IllegalStateException(source + ": quote the timestamp at " + path
                    + " (unquoted, YAML reads it as a date, not the string the API sends)");
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> refuseTimestamps(value, path + "/" + key, source));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                refuseTimestamps(list.get(i), path + "/" + i, source);
            }
        }
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The operation API Gateway would route this request to: same method and number of segments,
     * literal segments equal, parameter segments non-empty; a literal segment beats a parameter.
     */
    public Optional<Operation> find(String method, String rawPath) {
        String[] segments = segments(rawPath);
        Operation best = null;
        int bestLiterals = -1;
        for (Operation operation : operations) {
            if (!operation.method().equalsIgnoreCase(method)) {
                continue;
            }
            int literals = literalMatches(segments(operation.path()), segments);
            if (literals > bestLiterals) {
                best = operation;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The node a local {@code $ref} ("#/components/...") points at; the node itself when it is no reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref loop at " + node);
            }
            current = at(localPointer(current.get("$ref").asText()));
        }
        return current;
    }

    /** The pointer a local reference names, or the given pointer when the node there is no reference. */
    public String resolvedPointer(String pointer) {
        String current = pointer;
        for (int hops = 0; hops <= 20; hops++) {
            JsonNode node = at(current);
            if (node == null || !node.has("$ref")) {
                return current;
            }
            current = localPointer(node.get("$ref").asText());
        }
        throw new IllegalStateException("$ref loop at " + pointer);
    }

    public JsonNode at(String pointer) {
        JsonNode node = root.at(pointer);
        return node.isMissingNode() ? null : node;
    }

    private static String localPointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are used in " + RELATIVE_PATH + ": " + ref);
        }
        return ref.substring(1);
    }

    /** RFC 6901: "~" as "~0", "/" as "~1". */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<Operation> operations(JsonNode root) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> items = paths.fields(); items.hasNext(); ) {
            Map.Entry<String, JsonNode> item = items.next();
            for (Iterator<String> keys = item.getValue().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    operations.add(new Operation(key.toUpperCase(Locale.ROOT), item.getKey(),
                            "/paths/" + escape(item.getKey()) + "/" + key, item.getValue().get(key)));
                }
            }
        }
        return List.copyOf(operations);
    }

    /** How many literal segments match, or -1 when the path does not match at all. */
    private static int literalMatches(String[] expected, String[] actual) {
        if (expected.length != actual.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter) {
                if (actual[i].isEmpty()) {
                    return -1;
                }
            } else if (expected[i].equals(actual[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static String[] segments(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }

    /**
     * @param method  upper case
     * @param path    the path template, as in the document
     * @param pointer JSON pointer of the operation object
     */
    public record Operation(String method, String path, String pointer, JsonNode node) {
        public String operationId() {
            return node.path("operationId").asText(null);
        }

        public String routeKey() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return routeKey() + " (" + operationId() + ")";
        }
    }
}
