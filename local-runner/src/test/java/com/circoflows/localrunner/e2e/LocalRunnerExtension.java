package com.circoflows.localrunner.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE {@link E2e} (LocalRunner + captured output) for every end-to-end class in the JVM, on
 * first use, and keeps it in the root store: JUnit closes it once, after the last class has run.
 */
public final class LocalRunnerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalRunnerExtension.class);

    static E2e environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(E2e.class, key -> E2e.start(), E2e.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == E2e.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return environment(extensionContext);
    }
}
