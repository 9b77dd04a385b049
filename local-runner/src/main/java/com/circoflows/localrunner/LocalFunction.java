package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.circoflows.config.Settings;
import com.circoflows.localstack.FunctionDefinition;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * One template function, constructed as Lambda would construct it (public no-arg constructor)
 * while {@link Settings#fromEnvironment()} answers with exactly the template's variables for it.
 */
final class LocalFunction {
    private final FunctionDefinition definition;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    private LocalFunction(FunctionDefinition definition,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.definition = definition;
        this.handler = handler;
    }

    @SuppressWarnings("unchecked")
    static LocalFunction construct(FunctionDefinition definition, Map<String, String> environment) {
        String className = definition.handlerClassName();
        if (!definition.handler().endsWith("::handleRequest")) {
            throw new IllegalStateException(definition.logicalId() + ": Handler must name ::handleRequest");
        }
        Object instance = Settings.withEnvironment(environment, () -> {
            try {
                return Class.forName(className).getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(definition.logicalId() + " failed to initialise: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(definition.logicalId() + ": cannot construct " + className + " (" + e + ")", e);
            }
        });
        if (!(instance instanceof RequestHandler<?, ?>)) {
            throw new IllegalStateException(className + " is not a RequestHandler");
        }
        return new LocalFunction(definition, (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) instance);
    }

    /**
     * For functions fed by event sources (SQS, schedules): constructed exactly as {@link #construct},
     * typed as Lambda sees a handler before it deserialises the event.
     */
    static RequestHandler<Object, Object> constructRaw(FunctionDefinition definition, Map<String, String> environment) {
        return construct(definition, environment).rawHandler();
    }

    /** The same handler, whatever event type it really declares (SQSEvent, ScheduledEvent, ...). */
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> rawHandler() {
        return (RequestHandler<Object, Object>) (RequestHandler<?, ?>) handler;
    }

    FunctionDefinition definition() {
        return definition;
    }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler() {
        return handler;
    }
}
