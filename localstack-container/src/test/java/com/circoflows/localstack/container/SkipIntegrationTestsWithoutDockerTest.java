package com.circoflows.localstack.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class SkipIntegrationTestsWithoutDockerTest {

    private static final String NO_DOCKER = "Docker is not available (test)";

    @Test
    void withoutDockerAnIntegrationTestClassIsDisabledWithTheReason() {
        ConditionEvaluationResult result = new SkipIntegrationTestsWithoutDocker(() -> NO_DOCKER)
                .evaluate(PretendAdapterIT.class);

        assertTrue(result.isDisabled());
        String reason = result.getReason().orElseThrow();
        assertTrue(reason.startsWith(NO_DOCKER), reason);
        assertTrue(reason.contains("-Plocalstack"), reason);
    }

    @Test
    void withDockerIntegrationTestsRun() {
        assertFalse(new SkipIntegrationTestsWithoutDocker(() -> null).evaluate(PretendAdapterIT.class).isDisabled());
    }

    @Test
    void unitTestsAndNestedClassesAreNeverJudgedAndDockerIsNotAsked() {
        SkipIntegrationTestsWithoutDocker condition = new SkipIntegrationTestsWithoutDocker(() -> {
            throw new AssertionError("Docker was asked about a class that is not an IT");
        });

        assertFalse(condition.evaluate(SkipIntegrationTestsWithoutDockerTest.class).isDisabled());
        assertFalse(condition.evaluate(PretendAdapterIT.NestedIT.class).isDisabled());
        assertFalse(condition.evaluate(null).isDisabled(), "engine and method level");
    }
}

/** Top level, as failsafe's *IT classes are; never run (this module has no failsafe). */
final class PretendAdapterIT {
    static final class NestedIT {
    }
}
