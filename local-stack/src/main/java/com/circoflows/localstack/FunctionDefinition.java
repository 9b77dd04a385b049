package com.circoflows.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::Serverless::Function} with what a local runner needs to call it.
 *
 * @param handler        the template's Handler, e.g. {@code com.example.Handler::handleRequest}
 * @param codeUri        the CodeUri when it is a plain path, else null
 * @param rawEnvironment Globals.Function.Environment.Variables overlaid with the function's own
 *                       (the function wins), values unresolved
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String codeUri,
        Map<String, Object> rawEnvironment,
        List<HttpRoute> httpRoutes,
        List<SqsEventSource> sqsEventSources,
        List<ScheduleEventSource> scheduleEventSources) {

    public FunctionDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(handler, "handler");
        rawEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(rawEnvironment));
        httpRoutes = List.copyOf(httpRoutes);
        sqsEventSources = List.copyOf(sqsEventSources);
        scheduleEventSources = List.copyOf(scheduleEventSources);
    }

    /** The class part of the handler; a bare class name (RequestHandler style) is returned as is. */
    public String handlerClassName() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
