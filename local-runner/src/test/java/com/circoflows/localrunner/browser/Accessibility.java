package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's WCAG 2.x A and AA rules on the page the browser shows, as {@code browser-checks/} pins
 * them ({@code npm ci --prefix browser-checks}). A serious or critical violation fails the test with
 * each rule's id, impact, the elements' selectors and axe's help; moderate and minor ones are printed.
 * axe is injected through WebDriver's executeScript, which runs as DevTools' Runtime.evaluate and so
 * outside the page's Content-Security-Policy (the dashboard allows only its own nonce'd script).
 * Without axe-core installed the check is skipped on a developer's machine (the rest of the test
 * still runs), but fails in CI (CI=true), whose .ci/run installs it.
 */
final class Accessibility {
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final List<String> WCAG_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    private static final AtomicBoolean TOLD_MISSING = new AtomicBoolean();
    private static volatile String axeSource;

    private Accessibility() {
    }

    /** browser-checks/node_modules/axe-core/axe.min.js at the repository's root (failsafe sets basedir to the module). */
    static Path axeScript() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
                .resolve("browser-checks").resolve("node_modules").resolve("axe-core").resolve("axe.min.js");
    }

    static boolean installed() {
        return Files.isReadable(axeScript());
    }

    /** Whether axe-core can run: false when it is not installed on a developer's machine; in CI its absence fails. */
    static boolean available() {
        if (installed()) {
            return true;
        }
        String message = axeScript() + " is missing: npm ci --prefix browser-checks";
        if ("true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(message);
        }
        if (!TOLD_MISSING.getAndSet(true)) {
            System.out.println("accessibility: checks skipped, " + message);
        }
        return false;
    }

    /**
     * Runs axe on the page shown; fails on any serious or critical violation.
     *
     * @param pageName how the failure names the page, e.g. "dashboard-01-signup-375"
     * @return every violation found (the failing ones included), for a test that wants to look closer
     */
    static List<Violation> check(WebDriver driver, String pageName) {
        if (!available()) {
            return List.of();
        }
        List<Violation> violations = run(driver);
        List<Violation> failing = violations.stream().filter(v -> FAILING_IMPACTS.contains(v.impact())).toList();
        violations.stream().filter(v -> !failing.contains(v))
                .forEach(v -> System.out.println("accessibility: " + pageName + ": " + v));
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder("axe-core found serious or critical violations on ")
                    .append(pageName).append(" (").append(driver.getCurrentUrl()).append("):");
            failing.forEach(v -> message.append("\n  ").append(v));
            fail(message.toString());
        }
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        driver.manage().timeouts().scriptTimeout(RUN_LIMIT);
        Object answer = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.map(function (v) { return {"
                        + "  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,"
                        + "  targets: v.nodes.map(function (n) { return n.target.join(' '); }) }; })); },"
                        + " function (e) { done('axe failed: ' + e); });",
                WCAG_TAGS);
        if (answer instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), List.copyOf((List<String>) v.get("targets"))));
        }
        return violations;
    }

    private static String source() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(axeScript(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** One rule axe found broken, with the selectors of the elements that break it. */
    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return id + " [" + impact + "] " + targets + ": " + help + " (" + helpUrl + ")";
        }
    }
}
