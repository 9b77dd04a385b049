package com.circoflows.localrunner.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Starts ONE {@link E2e} (LocalRunner + captured output) for every end-to-end class in the JVM, on
 * first use, and keeps it in the root store: JUnit closes it once, after the last class has run.
 *
 * <p>It is started before the class is constructed or its {@code @BeforeAll} runs, not while a
 * parameter is resolved: a stack that cannot start for a reason that skips (no Docker under
 * -Plocalstack throws TestAbortedException) then skips the class, where parameter resolution would
 * have wrapped it into a failure, and no {@code @AfterAll} runs on fields never set.
 */
public final class LocalRunnerExtension implements ParameterResolver, BeforeAllCallback,
        TestInstancePreConstructCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalRunnerExtension.class);

    static E2e environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(E2e.class, key -> E2e.start(), E2e.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        environment(context);
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
