package com.circoflows.localrunner.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives every end-to-end class the JVM's ONE {@link E2e} (LocalRunner + captured output), started on
 * first use and closed when the JVM exits ({@link E2e#shared()}).
 *
 * <p>It is started before the class is constructed or its {@code @BeforeAll} runs, not while a
 * parameter is resolved: a stack that cannot start for a reason that skips (no Docker under
 * -Plocalstack throws TestAbortedException) then skips the class, where parameter resolution would
 * have wrapped it into a failure, and no {@code @AfterAll} runs on fields never set.
 */
public final class LocalRunnerExtension implements ParameterResolver, BeforeAllCallback,
        TestInstancePreConstructCallback {
    static E2e environment(ExtensionContext context) {
        return E2e.shared();
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
