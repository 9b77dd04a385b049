package com.circoflows.client.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.circoflows.client.CircoFlowsClient;
import com.circoflows.client.SharedLocalRunner;
import com.circoflows.client.WebhookEventDetail;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.DeliveryAttempt;
import com.circoflows.client.model.EventListParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.WebhookEventSummary;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.localrunner.e2e.E2e;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs examples/node-webhook-receiver/server.js with node, as its README says, and checks that it takes
 * real deliveries of the runner and refuses what the runner did not sign.
 */
@ExtendWith(SharedLocalRunner.class)
class NodeWebhookReceiverIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EVENT_BODY =
            "{\"id\":\"evt_forgedtest000000000000001\",\"type\":\"payment.succeeded\",\"created_at\":\"2026-12-06T00:00:00Z\","
                    + "\"data\":{\"transaction_id\":\"txn_000000000000000000000000\",\"amount\":1000,\"currency\":\"USD\"}}";

    private static E2e.TestMerchant merchant;
    private static CircoFlowsClient client;
    private static Process receiver;
    private static final List<String> receiverLog = new ArrayList<>();
    private static String receiverUrl;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startReceiver(E2e e2e) throws Exception {
        String missing = "node is not installed (apt-get install nodejs): the Node receiver example is not run";
        // CI installs node (.ci/run): there a missing one is a broken machine, not a reason to skip.
        if (!nodeIsInstalled() && "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")))) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(nodeIsInstalled(), missing);
        // A merchant of its own: the quickstart's IT may rotate the demo merchant's secret meanwhile.
        merchant = e2e.newMerchant("Node Receiver Shop");
        client = CircoFlowsClient.builder().apiKey(merchant.apiKey()).baseUrl(e2e.baseUrl()).build();

        Path server = ExamplesFolder.path().resolve("node-webhook-receiver/server.js");
        ProcessBuilder command = new ProcessBuilder("node", server.toString()).redirectErrorStream(true);
        command.environment().put("PORT", "0");
        command.environment().put("CIRCOFLOWS_WEBHOOK_SECRET", merchant.webhookSecret());
        receiver = command.start();
        Thread reader = new Thread(NodeWebhookReceiverIT::readLog, "node-receiver-log");
        reader.setDaemon(true);
        reader.start();
        String listening = awaitLogLine(LISTENING);
        Matcher port = LISTENING.matcher(listening);
        assertTrue(port.find());
        receiverUrl = "http://127.0.0.1:" + port.group(1) + "/webhooks";
    }

    @AfterAll
    static void stopReceiver() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRealDeliveryVerifiesIsAnsweredTwoHundredsAndLoggedByTypeAndIdOnly() throws Exception {
        Payment payment = client.payments().create(CardPaymentParams.builder().amount(1000).currency("USD")
                .cardNumber("4242424242424242").expiry(12, 2030).cvv("123")
                .webhookUrl(receiverUrl).build());

        WebhookEventDetail event = awaitDeliveredEvent(payment.getTransactionId(), "payment.succeeded");

        List<Integer> statuses = new ArrayList<>();
        for (DeliveryAttempt attempt : event.getAttempts()) {
            statuses.add(attempt.getHttpStatus());
        }
        assertEquals(List.of(204), statuses, "the first attempt was accepted: " + event);
        String logged = awaitLogLine(Pattern.compile(Pattern.quote(event.getEventId())));
        assertEquals("verified payment.succeeded " + event.getEventId(), logged);
        synchronized (receiverLog) {
            assertFalse(String.join("\n", receiverLog).contains(payment.getTransactionId()),
                    "no payload in the log: " + receiverLog);
        }
    }

    @Test
    void aDeliverySignedWithTheSecretIsAcceptedAlsoAmongOtherSignaturesDuringARotation() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, String> rotating = new WebhookSigner().sign("evt_forgedtest000000000000001", now, EVENT_BODY,
                WebhookSecret.generate(), WebhookSecret.of(merchant.webhookSecret()));

        assertEquals(204, send(EVENT_BODY, rotating), "a new secret's entry first, then the receiver's own");
    }

    @Test
    void aTamperedBodyIsRefusedWith400() throws Exception {
        Map<String, String> signed = signedNow(EVENT_BODY);

        assertEquals(400, send(EVENT_BODY.replace("\"amount\":1000", "\"amount\":1"), signed));
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsRefusedWith400() throws Exception {
        Map<String, String> forged = new WebhookSigner().sign("evt_forgedtest000000000000001",
                Instant.now().getEpochSecond(), EVENT_BODY, WebhookSecret.generate(), null);

        assertEquals(400, send(EVENT_BODY, forged));
    }

    @Test
    void aCorrectlySignedDeliveryOlderThanFiveMinutesIsRefusedWith400() throws Exception {
        Map<String, String> replayed = new WebhookSigner().sign("evt_forgedtest000000000000001",
                Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond(), EVENT_BODY,
                WebhookSecret.of(merchant.webhookSecret()), null);

        assertEquals(400, send(EVENT_BODY, replayed));
    }

    @Test
    void aDeliveryWithoutSignatureHeadersIsRefusedWith400() throws Exception {
        assertEquals(400, send(EVENT_BODY, Map.of("content-type", "application/json")));
    }

    private static Map<String, String> signedNow(String body) {
        return new WebhookSigner().sign("evt_forgedtest000000000000001", Instant.now().getEpochSecond(), body,
                WebhookSecret.of(merchant.webhookSecret()), null);
    }

    private static int send(String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiverUrl)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("user-agent")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static WebhookEventDetail awaitDeliveredEvent(String transactionId, String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        WebhookEventDetail last = null;
        while (System.nanoTime() < deadline) {
            Optional<WebhookEventSummary> summary = client.events()
                    .list(EventListParams.builder().transactionId(transactionId).build()).getData().stream()
                    .filter(event -> type.equals(event.getType()))
                    .findFirst();
            if (summary.isPresent()) {
                last = client.events().retrieve(summary.get().getEventId());
                if ("delivered".equals(last.getDeliveryStatus()) || "failed".equals(last.getDeliveryStatus())
                        || !last.getAttempts().isEmpty()) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        return fail("no delivery attempt of " + type + " for " + transactionId + " within " + WAIT + ": " + last);
    }

    private static void readLog() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("node receiver: " + line);
                synchronized (receiverLog) {
                    receiverLog.add(line);
                    receiverLog.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the receiver was stopped
        }
    }

    private static String awaitLogLine(Pattern wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (receiverLog) {
            while (true) {
                for (String line : receiverLog) {
                    if (wanted.matcher(line).find()) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !receiver.isAlive()) {
                    return fail("the node receiver logged no line matching " + wanted + ": " + receiverLog);
                }
                receiverLog.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    private static boolean nodeIsInstalled() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notOnPath) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
