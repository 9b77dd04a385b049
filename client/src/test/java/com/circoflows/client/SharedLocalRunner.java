package com.circoflows.client;

import com.circoflows.localrunner.e2e.E2e;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Gives this module's IT classes (the examples' too) one LocalRunner ({@link E2e#startSeparate}) for the whole JUnit run,
 * started by the first class that needs it and closed when the run ends. A runner takes seconds to start,
 * and failsafe runs this module's ITs in one run, so they pay for one; each class pays with a merchant of
 * its own ({@link E2e#newMerchant}), so neither its data nor its rate limits touch another class's.
 *
 * <p>Started before the class is constructed, not while a parameter is resolved: a stack that cannot
 * start for a reason that skips (no Docker under -Plocalstack) then skips the class instead of failing it.
 */
public final class SharedLocalRunner implements ParameterResolver, BeforeAllCallback, TestInstancePreConstructCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalRunner.class);

    /** Closed by JUnit when the run's root context closes. */
    private record Running(E2e e2e) implements AutoCloseable {
        @Override
        public void close() {
            e2e.close();
        }
    }

    private static E2e environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, type -> new Running(E2e.startSeparate(E2e.sharedOptions())),
                        Running.class)
                .e2e();
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
