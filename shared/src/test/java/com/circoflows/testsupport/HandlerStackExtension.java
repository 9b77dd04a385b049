package com.circoflows.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods and {@code @BeforeAll} methods a {@link HandlerStack} parameter: the JVM's one
 * stack, started for the first test class that asks and closed when the test run ends (it lives in the
 * root context's store, which closes what it holds). Starting DynamoDB Local, ElasticMQ and the
 * template's tables once per JVM instead of once per test class is most of what a handler IT costs.
 */
public final class HandlerStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HandlerStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HandlerStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sharedStack(context);
    }

    static HandlerStack sharedStack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(HandlerStack.class, ignored -> HandlerStack.start(), HandlerStack.class);
    }
}
