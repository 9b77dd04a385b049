package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.bool;
import static com.circoflows.localstack.TemplateNodes.integer;
import static com.circoflows.localstack.TemplateNodes.list;
import static com.circoflows.localstack.TemplateNodes.map;
import static com.circoflows.localstack.TemplateNodes.requiredString;
import static com.circoflows.localstack.TemplateNodes.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the template's {@code AWS::Serverless::Function} resources with Globals.Function applied,
 * as SAM does: Handler and CodeUri fall back to Globals, environment variables merge.
 */
final class FunctionDefinitionReader {

    private final TemplateResources resources;
    private final Map<String, Object> globals;

    private FunctionDefinitionReader(TemplateResources resources, Map<String, Object> globals) {
        this.resources = resources;
        this.globals = globals;
    }

    static List<FunctionDefinition> read(TemplateResources resources, Map<String, Object> globalsFunction) {
        FunctionDefinitionReader reader = new FunctionDefinitionReader(resources, globalsFunction);
        return resources.idsOfType(TemplateResources.FUNCTION_TYPE).stream().map(reader::read).toList();
    }

    private FunctionDefinition read(String id) {
        Map<String, Object> props = resources.properties(id);
        Object handler = props.containsKey("Handler") ? props.get("Handler") : globals.get("Handler");
        Object codeUri = props.containsKey("CodeUri") ? props.get("CodeUri") : globals.get("CodeUri");

        Map<String, Object> environment = new LinkedHashMap<>(environmentVariables(globals, "Globals.Function"));
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
        String queue = resources.referencedResource(props.get("Queue"), where + ".Properties.Queue",
                TemplateResources.QUEUE_TYPE);
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
