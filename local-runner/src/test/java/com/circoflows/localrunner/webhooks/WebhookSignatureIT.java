package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.localrunner.webhooks.WebhookStack.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a merchant receives and how it checks it: a payment's event arrives promptly, carries the
 * status endpoint's view of the transaction, and both signatures verify with the receiver's own
 * HMAC code, the reference's PHP snippet included, across a secret rotation.
 */
@EndToEnd
class WebhookSignatureIT extends OnWebhookStack {
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9A-Za-z]{24}");
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @Test
    void paymentSucceededArrivesSignedWithinTwoSeconds() {
        Merchant merchant = stack.newMerchant("Signed Webhooks Merchant");
        ReceiverServer receiver = receiver();
        String secret = merchant.createEndpoint(receiver.url("/hooks/signed"));
        receiver.expectSecrets(secret);

        long paidAt = System.nanoTime();
        Response paid = merchant.pay(CardData.SUCCESS, "851", 4200);
        long answeredAt = System.nanoTime();
        assertEquals(200, paid.status(), paid::describe);
        assertEquals(true, paid.data().path("webhook_queued").asBoolean(false), paid::describe);
        String transactionId = paid.data().path("transaction_id").asText();

        Received webhook = Poll.until("payment.succeeded at the receiver", PROMPT.plusSeconds(5),
                receiver::requests, requests -> !requests.isEmpty()).get(0);
        Duration fromRequest = Duration.ofNanos(webhook.receivedNanos() - paidAt);
        Duration fromResponse = Duration.ofNanos(webhook.receivedNanos() - answeredAt);
        System.out.printf("webhooks: payment -> payment.succeeded at the receiver: %d ms after the payment request "
                + "was sent, %d ms after its response%n", fromRequest.toMillis(), fromResponse.toMillis());
        assertTrue(fromRequest.compareTo(PROMPT) <= 0, "arrived " + fromRequest.toMillis() + " ms after the payment");

        assertEquals("POST", webhook.method());
        assertEquals("/hooks/signed", webhook.path());
        assertTrue(webhook.header("content-type").startsWith("application/json"), webhook.header("content-type"));
        assertEquals(List.of(), webhook.verification().problems(), "both signatures verify, fresh timestamp");
        assertEquals(1, Signatures.standardEntries(webhook.header("webhook-signature")).size(),
                "one secret, one v1 entry: " + webhook.header("webhook-signature"));
        long timestamp = Long.parseLong(webhook.header("webhook-timestamp"));
        assertTrue(Math.abs(timestamp - webhook.receivedAt().getEpochSecond()) <= 5, "timestamp " + timestamp);

        JsonNode body = WebhookStack.parse(webhook.bodyText());
        assertEquals(List.of("id", "type", "created_at", "data"), fieldNames(body), webhook.bodyText());
        assertTrue(EVENT_ID.matcher(body.path("id").asText()).matches(), body.path("id").asText());
        assertEquals(webhook.webhookId(), body.path("id").asText(), "webhook-id is the event id");
        assertEquals("payment.succeeded", body.path("type").asText());
        Instant createdAt = Instant.parse(body.path("created_at").asText());
        assertTrue(Duration.between(createdAt, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "created_at " + createdAt);
        Response status = merchant.status(transactionId);
        assertEquals(200, status.status(), status::describe);
        assertEquals(status.data(), body.path("data"), "the event's data is GET /api/direct-payment/{id}'s data");

        JsonNode event = merchant.eventUntil(body.path("id").asText(), "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertEquals(1, event.path("attempt_count").asInt(), event.toString());
        assertEquals(200, event.path("attempts").get(0).path("http_status").asInt(), event.toString());
        assertEquals(1, receiver.requests().size(), "one delivery: " + receiver.requests());
    }

    @Test
    void paymentFailedCarriesTheTransactionAndItsError() {
        Merchant merchant = stack.newMerchant("Declined Webhooks Merchant");
        ReceiverServer receiver = receiver();
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/declined")));

        Response declined = merchant.pay(CardData.DECLINED, "852", 4300);
        assertEquals(400, declined.status(), declined::describe);
        String transactionId = declined.error().path("transaction_id").asText();

        Received webhook = Poll.until("payment.failed at the receiver", Duration.ofSeconds(5),
                receiver::requests, requests -> !requests.isEmpty()).get(0);
        assertEquals(List.of(), webhook.verification().problems());
        JsonNode body = WebhookStack.parse(webhook.bodyText());
        assertEquals("payment.failed", body.path("type").asText());
        assertEquals(merchant.status(transactionId).data(), body.path("data"));
        assertEquals("card_declined", body.path("data").path("error").path("code").asText(), webhook.bodyText());
    }

    /**
     * POST /api/webhook-endpoint/test: a webhook.test event about no payment reaches the endpoint through
     * the queue and the delivery function, signed like every event (the receiver's own HMAC code and the
     * reference's PHP snippet accept it), and is listed, with its attempt, without a transaction.
     */
    @Test
    void aTestEventArrivesSignedAndIsListedWithItsAttempt(@TempDir Path dir) throws Exception {
        Merchant merchant = stack.newMerchant("Test Event Merchant");
        ReceiverServer receiver = receiver();
        String secret = merchant.createEndpoint(receiver.url("/hooks/test"));
        receiver.expectSecrets(secret);

        Response sent = merchant.sendTestEvent();

        assertEquals(202, sent.status(), sent::describe);
        String eventId = sent.data().path("event_id").asText();
        assertEquals("webhook.test", sent.data().path("type").asText(), sent::describe);
        assertTrue(sent.data().path("transaction_id").isNull(), sent::describe);
        Received webhook = Poll.until("webhook.test at the receiver", Duration.ofSeconds(10), receiver::requests,
                requests -> !requests.isEmpty()).get(0);
        assertEquals("/hooks/test", webhook.path());
        assertEquals(List.of(), webhook.verification().problems(), "both signatures verify, fresh timestamp");
        assertEquals(eventId, webhook.webhookId());
        JsonNode body = WebhookStack.parse(webhook.bodyText());
        assertEquals(List.of("id", "type", "created_at", "data"), fieldNames(body), webhook.bodyText());
        assertEquals("webhook.test", body.path("type").asText());
        assertTrue(body.path("data").path("test").asBoolean(), webhook.bodyText());
        assertFalse(body.path("data").has("transaction_id"), webhook.bodyText());
        if (onPath("php")) {
            Path payload = dir.resolve("test-event.json");
            Files.write(payload, webhook.body());
            assertEquals("OK webhook.test", php(secret, webhook.header("x-webhook-signature"), payload));
        }

        JsonNode listed = Poll.until("the test event delivered", Duration.ofSeconds(10),
                () -> merchant.event(eventId).data(), event -> "delivered".equals(event.path("delivery_status").asText()));
        assertTrue(listed.path("transaction_id").isNull(), listed::toString);
        assertEquals(1, listed.path("attempts").size(), listed::toString);
        assertEquals(200, listed.path("attempts").path(0).path("http_status").asInt(), listed::toString);
        Response all = merchant.events("limit=5");
        assertEquals(eventId, all.data().path("events").path(0).path("event_id").asText(), all::describe);
    }

    /**
     * The reference's PHP snippet, run by PHP itself on a body exactly as received. Only where its
     * inputs come from differs (a web server would fill $_SERVER and php://input).
     */
    @Test
    void theReferencesPhpVerificationLogicAcceptsTheSignature(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("php"), "php not installed");
        Merchant merchant = stack.newMerchant("PHP Merchant");
        ReceiverServer receiver = receiver();
        String secret = merchant.createEndpoint(receiver.url("/webhook.php"));
        receiver.expectSecrets(secret);
        merchant.paySuccessfully("853", 4400);
        Received webhook = Poll.until("a webhook for PHP", Duration.ofSeconds(5), receiver::requests,
                requests -> !requests.isEmpty()).get(0);

        Path payload = dir.resolve("payload.json");
        Files.write(payload, webhook.body());
        assertEquals("OK payment.succeeded", php(secret, webhook.header("x-webhook-signature"), payload));

        // The check can fail: one byte of the body changed, and PHP refuses it.
        byte[] tampered = webhook.body().clone();
        int digit = webhook.bodyText().indexOf("\"amount\":") + "\"amount\":".length();
        tampered[digit] = (byte) (tampered[digit] == '9' ? '8' : tampered[digit] + 1);
        Path forged = dir.resolve("forged.json");
        Files.write(forged, tampered);
        assertEquals("Invalid signature", php(secret, webhook.header("x-webhook-signature"), forged));
    }

    /**
     * Right after a rotation the merchant's deployed verifier still holds the old secret: X-Webhook-Signature
     * is the old secret's, the Standard Webhooks header carries both; once the merchant has deployed the
     * new secret and expired the old one, only the new one signs either header.
     */
    @Test
    void rightAfterRotationTheOldSecretSignsXWebhookSignatureBothSignStandardWebhooksUntilExpired() {
        Merchant merchant = stack.newMerchant("Rotating Merchant");
        ReceiverServer receiver = receiver();
        String oldSecret = merchant.createEndpoint(receiver.url("/hooks/rotation"));
        receiver.expectSecrets(oldSecret);
        merchant.paySuccessfully("854", 4500);
        Received before = Poll.until("the delivery before rotating", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1).get(0);
        assertEquals(1, Signatures.standardEntries(before.header("webhook-signature")).size());

        Response rotated = merchant.rotateSecret();
        assertEquals(200, rotated.status(), rotated::describe);
        String newSecret = rotated.data().path("secret").asText();
        assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(oldSecret), rotated::describe);
        Instant previousExpires = Instant.parse(rotated.data().path("previous_secret_expires_at").asText());
        Duration overlap = Duration.between(Instant.now(), previousExpires);
        assertTrue(overlap.compareTo(Duration.ofHours(24).minusMinutes(1)) > 0
                && overlap.compareTo(Duration.ofHours(24).plusMinutes(1)) < 0,
                "old secret signs until " + previousExpires);
        Response again = merchant.putEndpoint(receiver.url("/hooks/rotation"));
        assertFalse(again.data().has("secret"), "a secret is shown only when created: " + again.describe());
        receiver.expectSecrets(newSecret, oldSecret);

        merchant.paySuccessfully("855", 4600);
        Received during = Poll.until("the delivery after rotating", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 2).get(1);
        String header = during.header("webhook-signature");
        List<String> entries = Signatures.standardEntries(header);
        assertEquals(2, entries.size(), header);
        String id = during.webhookId();
        String timestamp = during.header("webhook-timestamp");
        assertEquals(1, Signatures.standardEntriesSignedBy(newSecret, id, timestamp, during.body(), header),
                "one entry verifies with the new secret: " + header);
        assertEquals(1, Signatures.standardEntriesSignedBy(oldSecret, id, timestamp, during.body(), header),
                "one entry verifies with the old secret: " + header);
        assertNotEquals(entries.get(0), entries.get(1));
        assertTrue(Signatures.referenceSignatureMatches(oldSecret, during.body(), during.header("x-webhook-signature")),
                "X-Webhook-Signature is the old secret's, which the deployed verifier holds");
        assertFalse(Signatures.referenceSignatureMatches(newSecret, during.body(),
                during.header("x-webhook-signature")));
        assertEquals(List.of(), during.verification().problems());

        Response expired = merchant.expirePreviousSecret();
        assertEquals(200, expired.status(), expired::describe);
        assertTrue(expired.data().path("previous_secret_expired").asBoolean(), expired::describe);
        receiver.expectSecrets(newSecret);

        merchant.paySuccessfully("856", 4700);
        Received after = Poll.until("the delivery after expiring the old secret", Duration.ofSeconds(5),
                receiver::requests, requests -> requests.size() == 3).get(2);
        assertEquals(List.of(Signatures.standardSignature(newSecret, after.webhookId(),
                after.header("webhook-timestamp"), after.body())),
                Signatures.standardEntries(after.header("webhook-signature")), "the new secret alone");
        assertTrue(Signatures.referenceSignatureMatches(newSecret, after.body(), after.header("x-webhook-signature")));
        assertEquals(List.of(), after.verification().problems());
    }

    /**
     * The reference's PHP snippet, unchanged and holding the secret it was deployed with, keeps verifying
     * right after the merchant rotates; the merchant then deploys the new secret, expires the old one, and
     * the snippet with the new secret verifies the next webhook while the old one no longer does.
     */
    @Test
    void theReferencesPhpSnippetKeepsVerifyingWithTheOldSecretAfterRotationThenWithTheNewOne(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(onPath("php"), "php not installed");
        Merchant merchant = stack.newMerchant("PHP Rotating Merchant");
        ReceiverServer receiver = receiver();
        String oldSecret = merchant.createEndpoint(receiver.url("/webhook.php"));
        Response rotated = merchant.rotateSecret();
        assertEquals(200, rotated.status(), rotated::describe);
        String newSecret = rotated.data().path("secret").asText();
        receiver.expectSecrets(oldSecret, newSecret);

        merchant.paySuccessfully("857", 4800);
        Received during = Poll.until("a webhook right after rotating", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 1).get(0);
        Path duringPayload = dir.resolve("during.json");
        Files.write(duringPayload, during.body());
        assertEquals("OK payment.succeeded", php(oldSecret, during.header("x-webhook-signature"), duringPayload),
                "the deployed snippet, still holding the old secret");
        assertEquals("Invalid signature", php(newSecret, during.header("x-webhook-signature"), duringPayload),
                "not yet the new secret: the window is open");

        assertEquals(200, merchant.expirePreviousSecret().status());
        receiver.expectSecrets(newSecret);
        merchant.paySuccessfully("858", 4900);
        Received after = Poll.until("a webhook after expiring the old secret", Duration.ofSeconds(5),
                receiver::requests, requests -> requests.size() == 2).get(1);
        Path afterPayload = dir.resolve("after.json");
        Files.write(afterPayload, after.body());
        assertEquals("OK payment.succeeded", php(newSecret, after.header("x-webhook-signature"), afterPayload));
        assertEquals("Invalid signature", php(oldSecret, after.header("x-webhook-signature"), afterPayload));
    }

    /** The runner creates and prints the demo merchant's secret at start, so the first PUT shows none. */
    @Test
    void theDemoMerchantsSecretFromStartUpSignsItsWebhooks() {
        Merchant demo = stack.demoMerchant();
        ReceiverServer receiver = receiver();
        String printedSecret = stack.runner().demoWebhookSecret();
        assertTrue(printedSecret.startsWith("whsec_"));
        receiver.expectSecrets(printedSecret);

        Response set = demo.putEndpoint(receiver.url("/hooks/demo"));
        assertEquals(200, set.status(), set::describe);
        assertFalse(set.data().has("secret"), "already shown at start: " + set.describe());
        demo.paySuccessfully("897", 4700);
        Received webhook = Poll.until("the demo merchant's webhook", Duration.ofSeconds(5), receiver::requests,
                requests -> !requests.isEmpty()).get(0);
        assertEquals(List.of(), webhook.verification().problems());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the reference's verification with php -r; returns what it printed. */
    private static String php(String secret, String signatureHeader, Path payloadFile)
            throws IOException, InterruptedException {
        String code = String.join("\n",
                "$webhook_secret = $argv[1];",
                "$_SERVER['HTTP_X_WEBHOOK_SIGNATURE'] = $argv[2];",
                "// Verify webhook signature (the reference's lines from here on, php://input aside)",
                "$signature = $_SERVER['HTTP_X_WEBHOOK_SIGNATURE'];",
                "$payload = file_get_contents($argv[3]);",
                "$expected = hash_hmac('sha256', $payload, $webhook_secret);",
                "if (hash_equals($expected, $signature)) {",
                "// Webhook is legitimate",
                "$data = json_decode($payload, true);",
                "// Process webhook data",
                "echo 'OK ' . $data['type'];",
                "} else {",
                "// Invalid signature",
                "http_response_code(400);",
                "exit('Invalid signature');",
                "}");
        Process process = new ProcessBuilder("php", "-r", code, "--", secret, signatureHeader, payloadFile.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "php did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
