package com.circoflows.cli.collection;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * docs/openapi.yaml as plain maps and lists, with its local {@code $ref}s resolvable and its operations
 * listed in the document's own order (so that whatever is made from it comes out the same every time).
 */
public final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    public static OpenApiDocument read(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10_000); // the spec reuses its header blocks by alias
        options.setCodePointLimit(20 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new JsonCompatibleConstructor(options)).load(reader);
            if (!(loaded instanceof Map)) {
                throw new IOException(file + " is not an OpenAPI document (no mapping at its top)");
            }
            return new OpenApiDocument(Maps.of(loaded));
        }
    }

    public Map<String, Object> info() {
        return Maps.child(root, "info");
    }

    /** The declared tags, in order, each with its description when it has one. */
    public Map<String, String> tagDescriptions() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Object tag : Maps.list(root, "tags")) {
            Map<String, Object> declared = Maps.of(tag);
            tags.put(Maps.text(declared, "name"), Maps.text(declared, "description"));
        }
        return tags;
    }

    /** The first server's URL, or null when the document names none. */
    public String firstServerUrl() {
        List<Object> servers = Maps.list(root, "servers");
        return servers.isEmpty() ? null : Maps.text(Maps.of(servers.get(0)), "url");
    }

    /** Every operation whose path starts with the prefix, in the order the document lists them. */
    public List<ApiOperation> operationsUnder(String pathPrefix) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : Maps.child(root, "paths").entrySet()) {
            if (!path.getKey().startsWith(pathPrefix)) {
                continue;
            }
            Map<String, Object> pathItem = Maps.of(resolve(path.getValue()));
            for (Map.Entry<String, Object> entry : pathItem.entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    Map<String, Object> operation = Maps.of(resolve(entry.getValue()));
                    operations.add(new ApiOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            operation, parameters(pathItem, operation)));
                }
            }
        }
        return operations;
    }

    /** The node itself, or what its {@code $ref} points to (followed until it is no reference). */
    public Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; current instanceof Map && Maps.of(current).containsKey("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref chain too long at " + Maps.of(node).get("$ref"));
            }
            current = pointTo(String.valueOf(Maps.of(current).get("$ref")));
        }
        return current;
    }

    /** The path item's parameters overridden by the operation's own (same name and place), resolved. */
    private List<Map<String, Object>> parameters(Map<String, Object> pathItem, Map<String, Object> operation) {
        Map<String, Map<String, Object>> byNameAndPlace = new LinkedHashMap<>();
        for (Object declared : Maps.list(pathItem, "parameters")) {
            Map<String, Object> parameter = Maps.of(resolve(declared));
            byNameAndPlace.put(parameter.get("in") + " " + parameter.get("name"), parameter);
        }
        for (Object declared : Maps.list(operation, "parameters")) {
            Map<String, Object> parameter = Maps.of(resolve(declared));
            byNameAndPlace.put(parameter.get("in") + " " + parameter.get("name"), parameter);
        }
        return new ArrayList<>(byNameAndPlace.values());
    }

    private Object pointTo(String reference) {
        if (!reference.startsWith("#/")) {
            throw new IllegalStateException("only references inside the document are followed, not " + reference);
        }
        Object current = root;
        for (String token : reference.substring(2).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (!(current instanceof Map) || !Maps.of(current).containsKey(key)) {
                throw new IllegalStateException("$ref " + reference + " points to nothing");
            }
            current = Maps.of(current).get(key);
        }
        return current;
    }

    /**
     * Reads the YAML as the JSON it stands for: an unquoted date stays the text it is (YAML 1.1 would
     * make it a java.util.Date, which then comes out as a number).
     */
    private static final class JsonCompatibleConstructor extends SafeConstructor {
        JsonCompatibleConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
