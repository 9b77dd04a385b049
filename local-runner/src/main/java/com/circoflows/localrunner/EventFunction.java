package com.circoflows.localrunner;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.circoflows.localstack.FunctionDefinition;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Map;
import java.util.Objects;

/**
 * A template function that event sources (SQS event source mappings, schedules) invoke: its
 * definition and its handler, constructed once however many event sources it has.
 */
public record EventFunction(FunctionDefinition definition, RequestHandler<Object, Object> handler) {

    public EventFunction {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * Constructs the handler as Lambda would (public no-arg constructor) while
     * {@code Settings.fromEnvironment()} answers with {@code environment}: the same path as the
     * HTTP functions.
     */
    public static EventFunction construct(FunctionDefinition definition, Map<String, String> environment) {
        return new EventFunction(definition, LocalFunction.constructRaw(definition, environment));
    }

    static EventFunction of(LocalFunction function) {
        return new EventFunction(function.definition(), function.rawHandler());
    }

    public String name() {
        return definition.logicalId();
    }

    /**
     * Fails at start-up, not on the first event, when the handler declares an input type the event
     * cannot be (Lambda would fail to deserialise every event into it).
     */
    void requireAccepts(Class<?> eventType) {
        if (!accepts(handler.getClass(), eventType)) {
            throw new IllegalStateException(name() + ": " + handler.getClass().getName() + " takes "
                    + declaredInputType(handler.getClass()).getTypeName() + " but its event source sends "
                    + eventType.getName());
        }
    }

    /**
     * Whether a handler class can take the event: its RequestHandler input type is a supertype of
     * it, or cannot be told (a type variable), as Lambda would find out only when deserialising.
     */
    public static boolean accepts(Class<?> handlerClass, Class<?> eventType) {
        Type declared = declaredInputType(handlerClass);
        return !(declared instanceof Class<?> input) || input.isAssignableFrom(eventType);
    }

    /** The I of RequestHandler&lt;I, O&gt; as the class declares it, or null when it cannot tell. */
    private static Type declaredInputType(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type input = parameterized.getActualTypeArguments()[0];
                    if (input instanceof ParameterizedType generic) {
                        return generic.getRawType();
                    }
                    return input instanceof TypeVariable<?> ? null : input;
                }
            }
        }
        return null;
    }
}
