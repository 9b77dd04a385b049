package com.circoflows.testsupport;

import com.circoflows.config.Settings;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The template's functions on a {@link HandlerStack}: each one's environment exactly as template.yaml
 * resolves it there, and its handler constructed the way Lambda constructs it.
 */
public final class TemplateFunctions {
    /** An empty PUBLIC_BASE_URL (the template default) becomes this, as in the local runner. */
    public static final String LOCAL_PUBLIC_BASE_URL = "http://localhost:3000";

    private final LocalStack stack;

    TemplateFunctions(LocalStack stack) {
        this.stack = stack;
    }

    public FunctionDefinition function(String logicalId) {
        return stack.template().functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no function " + logicalId));
    }

    /**
     * The function's variables exactly as template.yaml resolves them on this stack, plus what Lambda
     * provides (region, credentials) and what points the SDK at the local servers; an empty
     * PUBLIC_BASE_URL (the template default) becomes http://localhost:3000 as in the local runner.
     */
    public Map<String, String> environment(String logicalId) {
        FunctionDefinition function = function(logicalId);
        Map<String, String> environment = new LinkedHashMap<>(stack.environmentOf(function));
        environment.put("AWS_REGION", stack.options().region());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", stack.s3().endpoint().toString());
        environment.put(Settings.LOCAL_MODE, "true");
        if (environment.containsKey("PUBLIC_BASE_URL") && environment.get("PUBLIC_BASE_URL").isBlank()) {
            environment.put("PUBLIC_BASE_URL", LOCAL_PUBLIC_BASE_URL);
        }
        return environment;
    }

    /**
     * Constructs a handler as Lambda does (its public no-arg constructor) while the environment is the
     * template's for {@code logicalId}; fails if the template names another handler class.
     */
    public <T> T construct(String logicalId, Class<T> handlerClass, Supplier<T> noArgConstructor) {
        return construct(logicalId, handlerClass, environment(logicalId), noArgConstructor);
    }

    public <T> T construct(String logicalId, Class<T> handlerClass, Map<String, String> environment,
            Supplier<T> noArgConstructor) {
        String templateHandler = function(logicalId).handlerClassName();
        if (!templateHandler.equals(handlerClass.getName())) {
            throw new AssertionError(logicalId + " runs " + templateHandler + " in template.yaml, not "
                    + handlerClass.getName());
        }
        return Settings.withEnvironment(environment, noArgConstructor);
    }

    /** Builds what a function's wiring makes, with the function's template environment in force. */
    <T> T wiredAs(String logicalId, Supplier<T> build) {
        return Settings.withEnvironment(environment(logicalId), build);
    }
}
