package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.bool;
import static com.circoflows.localstack.TemplateNodes.integer;
import static com.circoflows.localstack.TemplateNodes.list;
import static com.circoflows.localstack.TemplateNodes.map;
import static com.circoflows.localstack.TemplateNodes.requiredString;
import static com.circoflows.localstack.TemplateNodes.string;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String QUEUE_TYPE = "AWS::SQS::Queue";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private final String source;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, ParameterDefinition> parameters;
    private final List<TableDefinition> tables;
    private final List<QueueDefinition> queues;
    private final List<FunctionDefinition> functions;

    private SamTemplate(String source, Map<String, Object> root) {
        this.source = source;
        this.resources = readResources(root);
        this.parameters = readParameters(root);
        this.tables = readTables();
        this.queues = readQueues();
        this.functions = readFunctions(map(map(root.get("Globals"), "Globals").get("Function"), "Globals.Function"));
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

    public Set<String> resourceIds() {
        return resources.keySet();
    }

    public boolean hasResource(String logicalId) {
        return resources.containsKey(logicalId);
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
        return requiredString(resource(logicalId).get("Type"), logicalId + ".Type");
    }

    private static Map<String, Map<String, Object>> readResources(Map<String, Object> root) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(root.get("Resources"), "Resources").forEach((id, resource) -> {
            Map<String, Object> body = map(resource, id);
            requiredString(body.get("Type"), id + ".Type");
            result.put(id, Collections.unmodifiableMap(body));
        });
        return Collections.unmodifiableMap(result);
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

    private Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"), logicalId + ".Properties");
    }

    private List<String> idsOfType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<TableDefinition> readTables() {
        return idsOfType(TABLE_TYPE).stream().map(this::readTable).toList();
    }

    private TableDefinition readTable(String id) {
        Map<String, Object> props = properties(id);
        if (props.containsKey("LocalSecondaryIndexes")) {
            // Creating the table without them would only fail later, on the first query that needs one.
            throw new IllegalArgumentException(id + ": LocalSecondaryIndexes are not supported by the local stack");
        }
        Map<String, String> attributeTypes = new LinkedHashMap<>();
        for (Object node : list(props.get("AttributeDefinitions"), id + ".AttributeDefinitions")) {
            Map<String, Object> attribute = map(node, id + ".AttributeDefinitions[]");
            attributeTypes.put(
                    requiredString(attribute.get("AttributeName"), id + ".AttributeDefinitions[].AttributeName"),
                    requiredString(attribute.get("AttributeType"), id + ".AttributeDefinitions[].AttributeType"));
        }
        KeySchema key = KeySchema.read(props.get("KeySchema"), id + ".KeySchema");

        List<IndexDefinition> indexes = new ArrayList<>();
        for (Object node : list(props.get("GlobalSecondaryIndexes"), id + ".GlobalSecondaryIndexes")) {
            Map<String, Object> index = map(node, id + ".GlobalSecondaryIndexes[]");
            String name = requiredString(index.get("IndexName"), id + ".GlobalSecondaryIndexes[].IndexName");
            String where = id + ".GlobalSecondaryIndexes." + name;
            KeySchema indexKey = KeySchema.read(index.get("KeySchema"), where + ".KeySchema");
            Map<String, Object> projection = map(index.get("Projection"), where + ".Projection");
            String projectionType = string(projection.get("ProjectionType"), where + ".Projection.ProjectionType");
            List<String> nonKey = list(projection.get("NonKeyAttributes"), where + ".Projection.NonKeyAttributes")
                    .stream().map(a -> requiredString(a, where + ".Projection.NonKeyAttributes[]")).toList();
            indexes.add(new IndexDefinition(name, indexKey.hash(), indexKey.range(),
                    projectionType == null ? "ALL" : projectionType, nonKey));
        }

        Map<String, Object> ttl = map(props.get("TimeToLiveSpecification"), id + ".TimeToLiveSpecification");
        String ttlAttribute = bool(ttl.get("Enabled"), false, id + ".TimeToLiveSpecification.Enabled")
                ? requiredString(ttl.get("AttributeName"), id + ".TimeToLiveSpecification.AttributeName")
                : null;

        return new TableDefinition(id, props.get("TableName"), key.hash(), key.range(), attributeTypes, indexes,
                ttlAttribute);
    }

    private record KeySchema(String hash, String range) {
        static KeySchema read(Object node, String where) {
            String hash = null;
            String range = null;
            for (Object element : list(node, where)) {
                Map<String, Object> key = map(element, where + "[]");
                String name = requiredString(key.get("AttributeName"), where + "[].AttributeName");
                String type = requiredString(key.get("KeyType"), where + "[].KeyType");
                switch (type) {
                    case "HASH" -> hash = name;
                    case "RANGE" -> range = name;
                    default -> throw new IllegalArgumentException(where + ": unknown KeyType " + type);
                }
            }
            if (hash == null) {
                throw new IllegalArgumentException(where + " has no HASH key");
            }
            return new KeySchema(hash, range);
        }
    }

    private List<QueueDefinition> readQueues() {
        return idsOfType(QUEUE_TYPE).stream().map(this::readQueue).toList();
    }

    private QueueDefinition readQueue(String id) {
        Map<String, Object> props = properties(id);
        RedriveDefinition redrive = null;
        if (props.get("RedrivePolicy") != null) {
            Map<String, Object> policy = map(props.get("RedrivePolicy"), id + ".RedrivePolicy");
            String target = referencedResource(policy.get("deadLetterTargetArn"), id + ".RedrivePolicy.deadLetterTargetArn",
                    QUEUE_TYPE);
            Integer maxReceiveCount = integer(policy.get("maxReceiveCount"), id + ".RedrivePolicy.maxReceiveCount");
            if (maxReceiveCount == null) {
                throw new IllegalArgumentException(id + ".RedrivePolicy.maxReceiveCount is missing");
            }
            redrive = new RedriveDefinition(target, maxReceiveCount);
        }
        return new QueueDefinition(
                id,
                props.get("QueueName"),
                integer(props.get("VisibilityTimeout"), id + ".VisibilityTimeout"),
                integer(props.get("MessageRetentionPeriod"), id + ".MessageRetentionPeriod"),
                integer(props.get("DelaySeconds"), id + ".DelaySeconds"),
                redrive);
    }

    /**
     * The logical id behind {@code !GetAtt X.Arn} or {@code !Ref X}. A literal ARN is refused: it names
     * something outside the template, which the local stack cannot create.
     */
    private String referencedResource(Object node, String where, String expectedType) {
        String id = null;
        if (node instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            if (intrinsic.get("Ref") instanceof String ref) {
                id = ref;
            } else if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.size() == 2) {
                id = String.valueOf(getAtt.get(0));
            }
        }
        if (id == null) {
            throw new IllegalArgumentException(where + " must be !GetAtt <Resource>.Arn or !Ref <Resource>, got: " + node);
        }
        if (!resources.containsKey(id)) {
            throw new IllegalArgumentException(where + " references unknown resource " + id);
        }
        if (!expectedType.equals(resources.get(id).get("Type"))) {
            throw new IllegalArgumentException(where + " references " + id + ", which is not an " + expectedType);
        }
        return id;
    }

    private List<FunctionDefinition> readFunctions(Map<String, Object> globals) {
        Map<String, Object> globalEnvironment = environmentVariables(globals, "Globals.Function");
        return idsOfType(FUNCTION_TYPE).stream().map(id -> readFunction(id, globals, globalEnvironment)).toList();
    }

    private FunctionDefinition readFunction(String id, Map<String, Object> globals,
                                            Map<String, Object> globalEnvironment) {
        Map<String, Object> props = properties(id);
        Object handler = props.containsKey("Handler") ? props.get("Handler") : globals.get("Handler");
        Object codeUri = props.containsKey("CodeUri") ? props.get("CodeUri") : globals.get("CodeUri");

        Map<String, Object> environment = new LinkedHashMap<>(globalEnvironment);
        environment.putAll(environmentVariables(props, id));

        List<HttpRoute> routes = new ArrayList<>();
        List<SqsEventSource> sqsSources = new ArrayList<>();
        List<ScheduleEventSource> schedules = new ArrayList<>();
        map(props.get("Events"), id + ".Events").forEach((eventName, node) -> {
            String where = id + ".Events." + eventName;
            Map<String, Object> event = map(node, where);
            Map<String, Object> eventProps = map(event.get("Properties"), where + ".Properties");
            String type = requiredString(event.get("Type"), where + ".Type");
            switch (type) {
                case "HttpApi", "Api" -> routes.add(readRoute(eventProps, where));
                case "SQS" -> sqsSources.add(readSqsEvent(eventName, eventProps, where));
                case "Schedule", "ScheduleV2" -> schedules.add(readSchedule(eventName, type, eventProps, where));
                default -> {
                    // Other event types (S3, SNS, ...) have no local emulation; the function still loads.
                }
            }
        });

        return new FunctionDefinition(id,
                requiredString(handler, id + ".Handler"),
                codeUri instanceof String path ? path : null,
                environment, routes, sqsSources, schedules);
    }

    private static Map<String, Object> environmentVariables(Map<String, Object> owner, String where) {
        Map<String, Object> environment = map(owner.get("Environment"), where + ".Environment");
        return map(environment.get("Variables"), where + ".Environment.Variables");
    }

    private static HttpRoute readRoute(Map<String, Object> props, String where) {
        String method = string(props.get("Method"), where + ".Properties.Method");
        String path = string(props.get("Path"), where + ".Properties.Path");
        // An HttpApi event without Path and Method is SAM's catch-all $default route.
        return new HttpRoute(method == null ? "ANY" : method, path == null ? "$default" : path);
    }

    private SqsEventSource readSqsEvent(String eventName, Map<String, Object> props, String where) {
        String queue = referencedResource(props.get("Queue"), where + ".Properties.Queue", QUEUE_TYPE);
        Integer batchSize = integer(props.get("BatchSize"), where + ".Properties.BatchSize");
        boolean reportsFailures = list(props.get("FunctionResponseTypes"), where + ".Properties.FunctionResponseTypes")
                .contains("ReportBatchItemFailures");
        return new SqsEventSource(eventName, queue, batchSize == null ? SqsEventSource.DEFAULT_BATCH_SIZE : batchSize,
                reportsFailures);
    }

    private static ScheduleEventSource readSchedule(String eventName, String type, Map<String, Object> props,
                                                    String where) {
        String expressionKey = type.equals("Schedule") ? "Schedule" : "ScheduleExpression";
        String expression = requiredString(props.get(expressionKey), where + ".Properties." + expressionKey);
        String state = string(props.get("State"), where + ".Properties.State");
        boolean enabled = bool(props.get("Enabled"), true, where + ".Properties.Enabled")
                && (state == null || state.equalsIgnoreCase("ENABLED"));
        try {
            return ScheduleEventSource.of(eventName, expression, enabled);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
