package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.bool;
import static com.circoflows.localstack.TemplateNodes.map;
import static com.circoflows.localstack.TemplateNodes.requiredString;
import static com.circoflows.localstack.TemplateNodes.string;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The SAM template read into the shapes the local stack and runner need. Everything is parsed when
 * the template is loaded, so a template the local tools cannot follow fails at start-up rather than
 * on the first request that touches the odd part.
 */
public final class SamTemplate {

    /** System property naming the template file; overrides the search from the working directory. */
    public static final String LOCATION_PROPERTY = "circoflows.template";
    public static final String FILE_NAME = "template.yaml";

    private final String source;
    private final TemplateResources resources;
    private final Map<String, ParameterDefinition> parameters;
    private final List<TableDefinition> tables;
    private final List<QueueDefinition> queues;
    private final List<FunctionDefinition> functions;

    private SamTemplate(String source, Map<String, Object> root) {
        this.source = source;
        this.resources = new TemplateResources(root.get("Resources"));
        this.parameters = readParameters(root);
        this.tables = TableDefinitionReader.read(resources);
        this.queues = QueueDefinitionReader.read(resources);
        this.functions = FunctionDefinitionReader.read(resources,
                map(map(root.get("Globals"), "Globals").get("Function"), "Globals.Function"));
    }

    public static SamTemplate load(Path path) {
        String yaml;
        try {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SAM template " + path, e);
        }
        return parse(yaml, path.toString());
    }

    /** Parses template text; {@code source} names it in error messages. */
    public static SamTemplate parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        // CloudFormation rejects duplicate keys; catching them here keeps local runs honest.
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new CloudFormationYamlConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("SAM template " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        try {
            return new SamTemplate(source, map(root, "template root"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SAM template " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds template.yaml: the {@value #LOCATION_PROPERTY} system property if set, else the first
     * template.yaml in the working directory or one of its parents, so tools work from any module.
     */
    public static Path locate() {
        String override = System.getProperty(LOCATION_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(
                        "System property " + LOCATION_PROPERTY + " points to " + path + ", which is not a file");
            }
            return path;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + FILE_NAME + " in " + start + " or any parent directory; set -D"
                + LOCATION_PROPERTY + "=<path>");
    }

    public String source() {
        return source;
    }

    public List<TableDefinition> tables() {
        return tables;
    }

    public TableDefinition table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + logicalId + " in " + source));
    }

    public List<QueueDefinition> queues() {
        return queues;
    }

    public QueueDefinition queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No queue " + logicalId + " in " + source));
    }

    public List<FunctionDefinition> functions() {
        return functions;
    }

    public FunctionDefinition function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in " + source));
    }

    public Map<String, ParameterDefinition> parameters() {
        return parameters;
    }

    /** The logical ids of the template's Secrets Manager secrets, in template order. */
    public List<String> secretIds() {
        return resources.idsOfType(TemplateResources.SECRET_TYPE);
    }

    /** The logical ids of the template's S3 buckets, in template order. */
    public List<String> bucketIds() {
        return resources.idsOfType(TemplateResources.BUCKET_TYPE);
    }

    public Set<String> resourceIds() {
        return resources.ids();
    }

    public boolean hasResource(String logicalId) {
        return resources.contains(logicalId);
    }

    /** The resource exactly as parsed (Type, Properties, ...), for what the typed views leave out. */
    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + source);
        }
        return resource;
    }

    public String resourceType(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    private static Map<String, ParameterDefinition> readParameters(Map<String, Object> root) {
        Map<String, ParameterDefinition> result = new LinkedHashMap<>();
        map(root.get("Parameters"), "Parameters").forEach((name, node) -> {
            Map<String, Object> body = map(node, "Parameters." + name);
            result.put(name, new ParameterDefinition(
                    name,
                    requiredString(body.get("Type"), "Parameters." + name + ".Type"),
                    string(body.get("Default"), "Parameters." + name + ".Default"),
                    bool(body.get("NoEcho"), false, "Parameters." + name + ".NoEcho")));
        });
        return Collections.unmodifiableMap(result);
    }
}
