package com.circoflows.client.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.SharedLocalRunner;
import com.circoflows.localrunner.e2e.E2e;
import com.example.quickstart.Quickstart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs examples/java-quickstart exactly as `mvn -f examples/java-quickstart/pom.xml compile exec:java`
 * does, in-process: its sources are this module's test sources (build-helper in client/pom.xml), and
 * main only hands {@link Quickstart#run} the environment and System.out.
 */
@ExtendWith(SharedLocalRunner.class)
class JavaQuickstartIT {
    private static final Pattern NEW_SECRET = Pattern.compile("New secret \\(shown this once, keep it\\): (whsec_\\S+)");

    private static E2e e2e;

    @BeforeAll
    static void startRunner(E2e runner) {
        e2e = runner;
    }

    @Test
    void withTheMerchantsWebhookSecretEveryStepSucceedsAndItExitsZero() {
        Run run = quickstart(Map.of("CIRCOFLOWS_WEBHOOK_SECRET", e2e.runner().demoWebhookSecret()));

        assertEquals(0, run.status(), run::output);
        assertTrue(run.output().contains("Webhook secret: from CIRCOFLOWS_WEBHOOK_SECRET"), run::output);
        assertEveryStepSucceeded(run);
    }

    @Test
    void withoutASecretItRotatesTheSecretSaysSoAndVerifiesWithTheNewOne() {
        Run run = quickstart(Map.of());

        assertEquals(0, run.status(), run::output);
        assertTrue(run.output().contains("CIRCOFLOWS_WEBHOOK_SECRET is not set, so the quickstart ROTATED"), run::output);
        Matcher printed = NEW_SECRET.matcher(run.output());
        assertTrue(printed.find(), () -> "the new secret is printed: " + run.output());
        assertNotEquals(e2e.runner().demoWebhookSecret(), printed.group(1), "a new secret, not the one it replaced");
        assertTrue(run.output().contains("The previous secret keeps signing"), run::output);
        assertEveryStepSucceeded(run);
    }

    @Test
    void aWrongWebhookSecretFailsTheWebhookStepAndExitsOne() {
        Run run = quickstart(Map.of("CIRCOFLOWS_WEBHOOK_SECRET", "whsec_" + "A".repeat(43) + "="));

        assertEquals(1, run.status(), run::output);
        assertTrue(run.output().contains("FAILED: a delivery did not verify"), run::output);
        assertFalse(run.output().contains("Quickstart complete"), run::output);
    }

    @Test
    void withoutAnApiKeyItSaysWhichVariableIsMissingAndExitsTwo() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Quickstart.run(Map.of("CIRCOFLOWS_BASE_URL", e2e.baseUrl()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("CIRCOFLOWS_API_KEY is not set"));
    }

    private static void assertEveryStepSucceeded(Run run) {
        String output = run.output();
        assertAll(
                () -> assertTrue(output.contains("[1/5] Webhook receiver listening on http://127.0.0.1:"), output),
                () -> assertTrue(output.contains("[2/5] Card payment"), output),
                () -> assertTrue(output.contains("[3/5] 3-D Secure payment"), output),
                () -> assertTrue(output.contains("the customer must authenticate at " + e2e.baseUrl() + "/pay/3ds/txn_"),
                        output),
                () -> assertTrue(output.contains("played the customer and pressed \"Authenticate\""), output),
                () -> assertTrue(output.contains("confirmThreeDSecure: txn_"), output),
                () -> assertEquals(2, count(output, "Webhook payment.succeeded evt_"), output),
                () -> assertTrue(output.contains("[4/5] Refund of the card payment"), output),
                () -> assertTrue(output.contains("Webhook refund.succeeded evt_"), output),
                () -> assertTrue(output.contains("[5/5] Summary"), output),
                () -> assertTrue(output.contains("visa ending 4242: refunded"), output),
                () -> assertTrue(output.contains("visa ending 3220: completed"), output),
                () -> assertTrue(output.contains("0 refused"), output),
                () -> assertTrue(output.endsWith("Quickstart complete: every step succeeded." + System.lineSeparator()),
                        output),
                () -> assertFalse(output.contains("4242424242424242") || output.contains("4000000000003220"),
                        "only the last four digits are printed"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Run quickstart(Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("CIRCOFLOWS_API_KEY", e2e.runner().demoApiKey());
        environment.put("CIRCOFLOWS_BASE_URL", e2e.baseUrl());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Quickstart.run(environment, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        return new Run(status, output);
    }

    private record Run(int status, String output) {
    }
}
