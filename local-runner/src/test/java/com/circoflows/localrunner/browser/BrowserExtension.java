package com.circoflows.localrunner.browser;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a {@link Browser} as good as new: one headless Chromium per test JVM, started
 * on first use, {@link Browser#reset() reset} before each test and closed when the JVM exits (failsafe
 * hands a JVM one class at a time, so no JUnit store outlives a class). When a test fails, saves a screenshot of where the browser was
 * (target/screenshots/FAILED-Class-method.png). Without Chromium installed the browser tests are
 * skipped on a developer's machine, but fail in CI (CI=true), which installs it (.ci/run).
 */
final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static Browser shared;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.installed()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
        }
        String message = Browser.BROWSER_PATH + " or " + Browser.DRIVER_PATH + " is missing: "
                + "apt-get install chromium chromium-driver";
        if ("true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Browser.class
                && parameterContext.getDeclaringExecutable() instanceof java.lang.reflect.Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Browser browser = shared();
        extensionContext.getStore(NAMESPACE).put("browser-used", new Used(browser));
        return browser.reset();
    }

    private static synchronized Browser shared() {
        if (shared == null) {
            Browser started = Browser.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "browser-shutdown"));
            shared = started;
        }
        return shared;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Used open = context.getStore(NAMESPACE).get("browser-used", Used.class);
        if (open == null || context.getExecutionException().isEmpty()) {
            return;
        }
        try {
            Path file = open.browser().screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
            System.out.println("browser: failure screenshot " + file + " at " + open.browser().url());
        } catch (RuntimeException e) {
            System.out.println("browser: no failure screenshot: " + e);
        }
    }

    /** The browser this test method was given, for its failure screenshot. */
    private record Used(Browser browser) {
    }

}
