package com.circoflows.localstack.container;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Under -Plocalstack without Docker, disables every integration test class ({@code *IT}, failsafe's
 * convention) before it starts, with the reason, so the reports list each of its tests as skipped.
 * A class that starts its stack in {@code @BeforeAll} would otherwise be aborted there, which
 * failsafe counts as no test at all, and its {@code @AfterAll} would run on fields never set.
 *
 * <p>Registered through JUnit's extension auto-detection (META-INF/services, switched on by the
 * profile), so no test class names it. It judges by class name because whether a class needs the
 * stack is only known once it runs: an IT that needs none is skipped too, and runs in the default
 * build. Unit tests ({@code *Test}) are never touched.
 */
public final class SkipIntegrationTestsWithoutDocker implements ExecutionCondition {

    private static final ConditionEvaluationResult NOT_AN_INTEGRATION_TEST_CLASS =
            ConditionEvaluationResult.enabled("not an integration test class");

    private final Supplier<String> dockerUnavailableReason;

    /** What JUnit's auto-detection constructs: asks Docker through Testcontainers, once per JVM. */
    public SkipIntegrationTestsWithoutDocker() {
        this(SharedLocalStackContainer::dockerUnavailableReason);
    }

    SkipIntegrationTestsWithoutDocker(Supplier<String> dockerUnavailableReason) {
        this.dockerUnavailableReason = dockerUnavailableReason;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean classLevel = context.getTestMethod().isEmpty();
        return evaluate(classLevel ? context.getTestClass().orElse(null) : null);
    }

    /** The decision for a class about to run; null for anything else (engine, method). */
    ConditionEvaluationResult evaluate(Class<?> testClass) {
        if (!isIntegrationTestClass(testClass)) {
            return NOT_AN_INTEGRATION_TEST_CLASS;
        }
        String unavailable = dockerUnavailableReason.get();
        return unavailable == null
                ? ConditionEvaluationResult.enabled("Docker is available for LocalStack")
                : ConditionEvaluationResult.disabled(SharedLocalStackContainer.skipMessage(unavailable));
    }

    /** Top-level {@code *IT} classes; their @Nested classes follow the outer one. */
    static boolean isIntegrationTestClass(Class<?> testClass) {
        return testClass != null && testClass.getEnclosingClass() == null && testClass.getSimpleName().endsWith("IT");
    }
}
