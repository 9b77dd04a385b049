package com.circoflows.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.functions.archfixture.HandlerThatFansOut;
import com.circoflows.functions.archfixture.HandlerWithHelperMethods;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Every function's handler (this module has them all on its classpath, as it runs them) keeps to
 * HandlerRules; and the rule fails on handlers that hold logic (the archfixture package, test code only).
 */
class HandlerRulesTest {

    @Test
    void everyFunctionsHandlerOnlyTranslatesTheEventAndDelegates() {
        JavaClasses handlers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.circoflows.functions");
        assertTrue(handlers.size() >= 21, "every function's handler imported, got " + handlers.size());
        HandlerRules.HANDLERS_ONLY_TRANSLATE_AND_DELEGATE.check(handlers);
    }

    @Test
    void aHandlerDoingTheSweepsFanOutItselfFails() {
        String failure = failureOf(HandlerThatFansOut.class);
        assertTrue(failure.contains("com.circoflows.domain.webhook.WebhookSweeper"), failure);
        assertTrue(failure.contains("com.circoflows.domain.reconciliation.AuthorizationReconciler"), failure);
        assertTrue(failure.contains("sweepAndReconcile") && failure.contains("only method is handleRequest"), failure);
    }

    @Test
    void aHandlerWithHelperMethodsAndExtraConstructorsFails() {
        String failure = failureOf(HandlerWithHelperMethods.class);
        assertTrue(failure.contains("statusFor"), failure);
        assertTrue(failure.contains("declares 4 constructors"), failure);
        assertTrue(failure.contains("com.circoflows.domain.error.ErrorCode"), failure);
    }

    private static String failureOf(Class<?> handler) {
        JavaClasses imported = new ClassFileImporter().importClasses(handler);
        return assertThrows(AssertionError.class,
                () -> HandlerRules.HANDLERS_ONLY_TRANSLATE_AND_DELEGATE.check(imported)).getMessage();
    }
}
