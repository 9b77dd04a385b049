package com.circoflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.CircoFlowsClient;
import com.circoflows.localrunner.e2e.E2e;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/circoflows against a local runner of its own, as a developer uses it: listen forwarding to a receiver
 * on another port while trigger makes payments and refunds, events resend, and logs reading the runner's
 * log file. The commands run through DeveloperCli with a terminal the test reads.
 */
class DeveloperCliIT {
    private static final String LISTEN_PATH = "/listen";
    private static final String ENDPOINT_PATH = "/endpoint";
    private static final Pattern SESSION_SECRET = Pattern.compile("Signing with (whsec_\\S+) for this session");
    private static final Pattern CAUSED_EVENT = Pattern.compile("Event (evt_\\w+): (\\S+) ");
    private static final Pattern TRIGGERED = Pattern.compile("Triggered (\\S+): (evt_\\w+)");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static E2e e2e;
    private static VerifyingReceiver receiver;
    private static Map<String, String> environment;

    @BeforeAll
    static void startRunnerAndReceiver() throws IOException {
        // A data folder, so the runner keeps its function log where bin/circoflows logs reads it.
        e2e = E2e.startSeparate(E2e.sharedOptions().withDataDir(dataDir));
        receiver = VerifyingReceiver.start();
        environment = Map.of("CIRCOFLOWS_API_KEY", e2e.runner().demoApiKey(), "CIRCOFLOWS_BASE_URL", e2e.baseUrl());
        // The API's own deliveries go to the merchant's endpoint, signed with the merchant's secret.
        receiver.expect(ENDPOINT_PATH, e2e.runner().demoWebhookSecret());
        CircoFlowsClient.builder().apiKey(e2e.runner().demoApiKey()).baseUrl(e2e.baseUrl()).build()
                .webhookEndpoint().set(receiver.url(ENDPOINT_PATH));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (e2e != null) {
            e2e.close();
        }
    }

    private static CapturedTerminal run(int expectedStatus, String... args) {
        CapturedTerminal terminal = CapturedTerminal.withEnvironment(environment);
        int status = DeveloperCli.withAllCommands().run(List.of(args), terminal.terminal());
        assertEquals(expectedStatus, status, String.join(" ", args) + " printed:\n" + terminal.out() + terminal.err());
        return terminal;
    }

    @Test
    void listenForwardsEachNewEventOfTheAskedTypesSignedWithItsSessionSecretAsTheApiDeliversIt() throws Exception {
        CapturedTerminal listening = CapturedTerminal.withEnvironment(environment);
        CompletableFuture<Integer> listen = CompletableFuture.supplyAsync(() -> DeveloperCli.withAllCommands().run(
                List.of("listen", "--forward-to", receiver.url(LISTEN_PATH), "--events", "payment.succeeded,refund.*",
                        "--interval", "200ms", "--max-events", "3"),
                listening.terminal()));
        awaitTrue("listen to be ready", () -> listening.out().contains("Ready.") || listen.isDone());
        Matcher secret = SESSION_SECRET.matcher(listening.out());
        assertTrue(secret.find(), "the session's secret comes first:\n" + listening.out() + listening.err());
        receiver.expect(LISTEN_PATH, secret.group(1));

        Set<String> expected = new HashSet<>();
        String declined = triggered(run(0, "trigger", "payment.failed").out(), "payment.failed");
        for (String event : List.of("payment.succeeded", "refund.succeeded")) {
            String out = run(0, "trigger", event).out();
            triggered(out, event);
            for (Matcher caused = CAUSED_EVENT.matcher(out); caused.find();) {
                expected.add(caused.group(1));
            }
        }

        assertEquals(0, listen.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), listening.out() + listening.err());
        List<VerifyingReceiver.Delivery> forwarded = receiver.to(LISTEN_PATH);
        Set<String> forwardedIds = new HashSet<>();
        for (VerifyingReceiver.Delivery delivery : forwarded) {
            assertNull(delivery.problem(), "both signatures verify with the session secret: " + delivery);
            assertEquals("CircoFlows-Webhooks/1.0", delivery.headers().get("user-agent"));
            forwardedIds.add(delivery.verifiedEventId());
        }
        assertEquals(3, forwarded.size(), "two payment.succeeded and one refund.succeeded: " + forwarded);
        assertEquals(expected, forwardedIds);
        assertTrue(forwarded.stream().noneMatch(delivery -> delivery.body().contains(declined)),
                "payment.failed was not asked for");
        for (String id : forwardedIds) {
            assertTrue(listening.out().lines().anyMatch(line -> line.contains(id) && line.contains("-> 200 (")),
                    "a line per event with the receiver's answer:\n" + listening.out());
        }
        assertTrue(listening.out().contains("Stopped after forwarding 3 events."), listening.out());
    }

    @Test
    void aForwardedEventHasTheBodyTheApiItselfDelivers() throws Exception {
        receiver.expect(LISTEN_PATH + "/bodies", e2e.runner().demoWebhookSecret());
        CapturedTerminal listening = CapturedTerminal.withEnvironment(environment);
        CompletableFuture<Integer> listen = CompletableFuture.supplyAsync(() -> DeveloperCli.withAllCommands().run(
                List.of("listen", "--forward-to", receiver.url(LISTEN_PATH + "/bodies"), "--webhook-secret",
                        e2e.runner().demoWebhookSecret(), "--interval", "200ms", "--max-events", "1"),
                listening.terminal()));
        awaitTrue("listen to be ready", () -> listening.out().contains("Ready.") || listen.isDone());
        assertTrue(listening.out().contains("Ready. Signing with the webhook secret from --webhook-secret."),
                "an endpoint secret given is never printed:\n" + listening.out());

        String eventId = triggered(run(0, "trigger", "payment.succeeded").out(), "payment.succeeded");

        assertEquals(0, listen.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), listening.out() + listening.err());
        VerifyingReceiver.Delivery forwarded = receiver.to(LISTEN_PATH + "/bodies").get(0);
        VerifyingReceiver.Delivery delivered = awaitDelivery(ENDPOINT_PATH, eventId, 1).get(0);
        assertEquals(eventId, forwarded.verifiedEventId(), "verifies with the endpoint's own secret: " + forwarded);
        assertEquals(delivered.body(), forwarded.body());
    }

    @Test
    void eventsResendHasTheApiDeliverTheEventAgainAndShowsTheAnswer() {
        String eventId = triggered(run(0, "trigger", "payment.succeeded").out(), "payment.succeeded");
        awaitDelivery(ENDPOINT_PATH, eventId, 1);

        String out = run(0, "events", "resend", eventId).out();

        assertTrue(out.contains("Resending " + eventId + " (payment.succeeded)"), out);
        assertTrue(out.contains("to " + receiver.url(ENDPOINT_PATH) + " -> 200"), out);
        List<VerifyingReceiver.Delivery> deliveries = awaitDelivery(ENDPOINT_PATH, eventId, 2);
        assertTrue(deliveries.stream().allMatch(delivery -> eventId.equals(delivery.verifiedEventId())),
                "both deliveries signed with the merchant's secret: " + deliveries);
        String listed = run(0, "events", "list", "--limit", "5").out();
        assertTrue(listed.lines().anyMatch(line -> line.contains(eventId) && line.contains("payment.succeeded")
                && line.contains("delivered")), listed);
    }

    @Test
    void logsShowsTheRunnersFunctionLogWithAFunctionNameColumn() {
        run(0, "events", "list", "--limit", "1");

        String out = run(0, "logs", "--data-dir", dataDir.toString(), "--function", "ListWebhookEvents").out();

        assertEquals(dataDir.resolve("logs/functions.jsonl"), e2e.runner().functionLogFile());
        List<String> lines = out.lines().toList();
        assertTrue(!lines.isEmpty() && lines.stream().allMatch(line -> line.contains("  ListWebhookEventsFunction ")), out);
        assertTrue(lines.stream().anyMatch(line -> line.matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ListWebhookEventsFunction +INFO   request  .*path=/api/webhook-events.*")),
                out);
    }

    @Test
    void binCircoflowsPrintsItsHelp() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder script = new ProcessBuilder("bash", root.resolve("bin/circoflows").toString(), "--help")
                .redirectErrorStream(true);
        // The build that runs this test has just made what the script runs; it must not start another.
        script.environment().put("SKIP_BUILD", "1");
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        for (String command : List.of("listen", "trigger", "events", "logs")) {
            assertTrue(output.contains("  " + command + " "), output);
        }
    }

    /** The event id trigger reports for {@code type}. */
    private static String triggered(String out, String type) {
        Matcher matcher = TRIGGERED.matcher(out);
        assertTrue(matcher.find(), out);
        assertEquals(type, matcher.group(1));
        return matcher.group(2);
    }

    private static List<VerifyingReceiver.Delivery> awaitDelivery(String path, String eventId, int count) {
        List<VerifyingReceiver.Delivery> found = new ArrayList<>();
        awaitTrue(count + " deliveries of " + eventId + " to " + path, () -> {
            found.clear();
            receiver.to(path).stream().filter(delivery -> delivery.body().contains("\"id\":\"" + eventId + "\""))
                    .forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private static void awaitTrue(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + PATIENCE.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
