package com.circoflows.localrunner.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.localrunner.webhooks.ReceiverServer.Received;
import com.circoflows.localrunner.webhooks.WebhookStack.Merchant;
import com.circoflows.localrunner.webhooks.WebhookStack.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The merchant webhook API: where events go (SSRF-guarded), and the event history (newest first,
 * paginated, one merchant's events invisible to another). No request in this class ever targets a
 * non-loopback address: every refused URL is refused before anything connects or resolves it.
 */
@EndToEnd
class WebhookEndpointApiIT extends OnWebhookStack {
    /**
     * Refused even in local mode: private, link-local, cloud metadata, unspecified, multicast,
     * carrier-grade NAT, IPv4-mapped/unique-local IPv6, numeric forms that some stacks read as
     * another address, non-http schemes, credentials, and plain http to anything not loopback.
     */
    private static final List<String> REFUSED = List.of(
            "http://10.0.0.1/x",
            "https://10.0.0.1/x",
            "http://172.16.0.1/x",
            "http://192.168.1.1/x",
            "http://169.254.169.254/latest/meta-data",
            "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://[fd00:ec2::254]/latest/meta-data",
            "http://[::ffff:169.254.169.254]/latest/meta-data",
            "http://[::ffff:10.0.0.1]/x",
            "http://[fe80::1]/x",
            "http://[fc00::1]/x",
            "http://0.0.0.0/x",
            "http://[::]/x",
            "http://224.0.0.1/x",
            "http://100.64.0.1/x",
            "http://0x0a000001/x",
            "http://167772161/x",
            "http://012.0.0.1/x",
            "http://0x7f000001/x",
            "http://127.1/x",
            "http://2130706433/x",
            "http://example.com/x",
            "ftp://127.0.0.1/x",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_x",
            "http://user:pass@127.0.0.1/x",
            "/relative/path",
            // IPv4 inside IPv6: compatible, translated, NAT64 (well-known, local-use), 6to4, Teredo, ISATAP
            "https://[::169.254.169.254]/latest/meta-data",
            "https://[::ffff:0:169.254.169.254]/x",
            "https://[64:ff9b::a9fe:a9fe]/x",
            "https://[64:ff9b:1::a9fe:a9fe]/x",
            "https://[2002:a9fe:a9fe::]/x",
            "https://[2001:0:808:808::5601:5601]/x",
            "https://[2606:4700::5efe:a9fe:a9fe]/x",
            // no such port
            "http://127.0.0.1:0/x",
            "http://127.0.0.1:65536/x",
            "http://127.0.0.1:99999/x");

    @Test
    void ssrfTargetsAreRefusedAsInvalidWebhookUrlAndTheEndpointStaysAsItWas() {
        Merchant merchant = stack.newMerchant("SSRF Merchant");
        ReceiverServer receiver = receiver();
        String secret = merchant.createEndpoint(receiver.url("/hooks/safe"));
        receiver.expectSecrets(secret);

        Map<String, String> notRefused = new LinkedHashMap<>();
        for (String url : REFUSED) {
            Response refused = merchant.putEndpoint(url);
            if (refused.status() != 400 || !"invalid_webhook_url".equals(refused.error().path("code").asText())
                    || !"url".equals(refused.error().path("param").asText())) {
                notRefused.put(url, refused.describe());
            }
        }
        assertEquals(Map.of(), notRefused, "each must be 400 invalid_webhook_url (param url)");

        // Nothing was stored: the next event still goes to the endpoint set before, signed as before.
        merchant.paySuccessfully("879", 8100);
        Received delivered = Poll.until("the delivery to the original endpoint", Duration.ofSeconds(5),
                receiver::requests, requests -> !requests.isEmpty()).get(0);
        assertEquals("/hooks/safe", delivered.path());
        assertEquals(List.of(), delivered.verification().problems());
    }

    @Test
    void aPaymentsOwnWebhookUrlIsCheckedTheSameWay() {
        Merchant merchant = stack.newMerchant("SSRF Payment Merchant");
        Map<String, String> notRefused = new LinkedHashMap<>();
        String[] cvvs = {"881", "882", "883", "884"};
        List<String> urls = List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/x",
                "http://[fd00:ec2::254]/", "http://example.com/x");
        for (int i = 0; i < urls.size(); i++) {
            Response refused = merchant.pay(WebhookStack.paymentBody(CardData.SUCCESS, cvvs[i], 8200)
                    .put("webhook_url", urls.get(i)));
            if (refused.status() != 400 || !"invalid_webhook_url".equals(refused.error().path("code").asText())
                    || !"webhook_url".equals(refused.error().path("param").asText())) {
                notRefused.put(urls.get(i), refused.describe());
            }
        }
        assertEquals(Map.of(), notRefused, "each must be 400 invalid_webhook_url (param webhook_url)");
        assertEquals(0, merchant.events("").data().path("events").size(), "no payment, no event");
    }

    /**
     * One rule for every webhook URL: a payment's, a session's and the endpoint's get the same answer.
     * A payment used to accept a host that does not resolve (and then retried its delivery on DNS
     * failure) while a session refused it. The .invalid name is looked up, and never resolves (RFC 6761).
     */
    @Test
    void theSameUrlGetsTheSameAnswerFromAPaymentASessionAndTheEndpoint() {
        Merchant merchant = stack.newMerchant("One Rule Merchant");
        for (String url : List.of("https://your-site.invalid/webhooks/payment", "https://[64:ff9b::a9fe:a9fe]/x",
                "https://127.0.0.1:99999/x")) {
            Response payment = merchant.pay(WebhookStack.paymentBody(CardData.SUCCESS, "885", 8300)
                    .put("webhook_url", url));
            Response session = merchant.createSession(WebhookStack.JSON.createObjectNode().put("amount", 1500)
                    .put("currency", "EUR").put("description", "Tea").put("webhook_url", url));
            Response endpoint = merchant.putEndpoint(url);

            for (Response refused : List.of(payment, session, endpoint)) {
                assertEquals(400, refused.status(), refused::describe);
                assertEquals("invalid_webhook_url", refused.error().path("code").asText(), refused::describe);
                assertEquals(endpoint.error().path("message").asText(), refused.error().path("message").asText(),
                        refused::describe);
            }
            assertEquals("webhook_url", payment.error().path("param").asText());
            assertEquals("webhook_url", session.error().path("param").asText());
            assertEquals("url", endpoint.error().path("param").asText());
        }
        assertEquals("The webhook URL's host does not resolve.", merchant.putEndpoint(
                "https://your-site.invalid/webhooks/payment").error().path("message").asText());
        assertEquals(0, merchant.events("").data().path("events").size(), "no payment, no event");
    }

    /**
     * The URL is checked again when delivering, not only when it is set: a stored URL that is no
     * longer acceptable (written before a rule tightened, or by hand) is refused without connecting.
     * Probed with the unspecified addresses, which a careless client connects to this very machine: if
     * the check were missing, the receiver listening on that port would see the request.
     */
    @Test
    void aStoredUnsafeUrlIsRefusedAgainAtDeliveryTime() {
        ReceiverServer receiver = receiver();
        for (String host : List.of("0.0.0.0", "[::]")) {
            Merchant merchant = stack.newMerchant("Tampered URL Merchant " + host);
            receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/checked")));
            String unsafe = "http://" + host + ":" + receiver.port() + "/hooks/unspecified";
            stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName("MerchantsTable"))
                    .key(Map.of("merchant_id", AttributeValue.fromS(merchant.merchantId())))
                    .updateExpression("SET webhook_url = :url")
                    .expressionAttributeValues(Map.of(":url", AttributeValue.fromS(unsafe))));

            String cvv = host.equals("0.0.0.0") ? "898" : "899";
            String eventId = merchant.eventIdFor(merchant.paySuccessfully(cvv, 8700));
            JsonNode event = merchant.eventUntil(eventId, "a refused attempt", Duration.ofSeconds(10),
                    e -> e.path("attempts").size() >= 1);
            JsonNode attempt = event.path("attempts").get(0);
            assertTrue(attempt.path("http_status").isNull(), event.toString());
            String error = attempt.path("error").asText();
            assertTrue(error.startsWith("invalid_url") || error.startsWith("ssrf_blocked"), event.toString());
            assertEquals("retrying", event.path("delivery_status").asText(), event.toString());
        }
        Poll.holds("nothing reached the receiver", Duration.ofMillis(1500), receiver::requests, List::isEmpty);
    }

    /** Local mode relaxes exactly one thing: http and loopback targets are allowed. */
    @Test
    void loopbackTargetsAreAllowedInLocalMode() {
        Merchant merchant = stack.newMerchant("Loopback Merchant");
        int port = 9; // discard: nothing is ever sent, this merchant makes no payment
        for (String url : List.of("http://127.0.0.1:" + port + "/x", "http://[::1]:" + port + "/x",
                "http://localhost:" + port + "/x", "https://localhost:" + port + "/x", "http://127.0.0.2/x")) {
            Response allowed = merchant.putEndpoint(url);
            assertEquals(200, allowed.status(), allowed::describe);
            assertEquals(url, allowed.data().path("url").asText(), allowed::describe);
            assertEquals("enabled", allowed.data().path("status").asText(), allowed::describe);
        }
    }

    @Test
    void aPaymentsOwnWebhookUrlReceivesItsEventSignedWithTheMerchantsSecret() {
        Merchant merchant = stack.newMerchant("Per-Payment URL Merchant");
        ReceiverServer endpoint = receiver();
        ReceiverServer perPayment = receiver();
        String secret = merchant.createEndpoint(endpoint.url("/hooks/default"));
        perPayment.expectSecrets(secret);

        Response paid = merchant.pay(WebhookStack.paymentBody(CardData.SUCCESS, "885", 8300)
                .put("webhook_url", perPayment.url("/hooks/this-payment")));
        assertEquals(200, paid.status(), paid::describe);
        Received delivered = Poll.until("the event at the payment's own URL", Duration.ofSeconds(5),
                perPayment::requests, requests -> !requests.isEmpty()).get(0);
        assertEquals("/hooks/this-payment", delivered.path());
        assertEquals(List.of(), delivered.verification().problems());
        String eventId = delivered.webhookId();
        JsonNode event = merchant.eventUntil(eventId, "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
        assertEquals(perPayment.url("/hooks/this-payment"), event.path("target_url").asText(), event.toString());
        Poll.holds("nothing at the merchant's endpoint", Duration.ofMillis(500), endpoint::requests, List::isEmpty);
    }

    @Test
    void eventsAreListedNewestFirstWithCursorPagination() {
        Merchant merchant = stack.newMerchant("Listing Merchant");
        ReceiverServer receiver = receiver();
        receiver.expectSecrets(merchant.createEndpoint(receiver.url("/hooks/list")));
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            transactions.add(merchant.paySuccessfully(String.valueOf(886 + i), 8400 + i));
        }
        Poll.until("five deliveries", Duration.ofSeconds(10), receiver::requests, requests -> requests.size() == 5);
        // The receiver answers before the delivery is recorded: wait for the records, not the requests.
        for (String transaction : transactions) {
            merchant.eventUntil(merchant.eventIdFor(transaction), "recorded as delivered", Duration.ofSeconds(10),
                    e -> "delivered".equals(e.path("delivery_status").asText()));
        }

        List<JsonNode> listed = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            Response response = merchant.events("limit=2" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, response.status(), response::describe);
            JsonNode data = response.data();
            assertTrue(data.path("events").size() <= 2, response::describe);
            data.path("events").forEach(listed::add);
            hasMore.add(data.path("has_more").asBoolean());
            cursor = data.path("next_cursor").isNull() ? null : data.path("next_cursor").asText(null);
            assertEquals(data.path("has_more").asBoolean(), cursor != null, response::describe);
            if (cursor == null) {
                break;
            }
        }
        assertEquals(List.of(true, true, false), hasMore, "5 events in pages of 2");
        List<String> listedTransactions = listed.stream().map(e -> e.path("transaction_id").asText()).toList();
        List<String> newestFirst = new ArrayList<>(transactions);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, listedTransactions, "newest first, each once");
        Instant previous = Instant.MAX;
        for (JsonNode event : listed) {
            Instant createdAt = Instant.parse(event.path("created_at").asText());
            assertFalse(createdAt.isAfter(previous), "created_at descending: " + listed);
            previous = createdAt;
            assertEquals("payment.succeeded", event.path("type").asText(), event.toString());
            assertEquals("delivered", event.path("delivery_status").asText(), event.toString());
            assertEquals(1, event.path("attempt_count").asInt(), event.toString());
            assertFalse(event.has("data"), "the list shows summaries: " + event);
        }

        assertEquals(400, merchant.events("limit=0").status());
        assertEquals(400, merchant.events("limit=101").status());
        Response badCursor = merchant.events("cursor=not-a-cursor");
        assertEquals(400, badCursor.status(), badCursor::describe);
        assertEquals("cursor", badCursor.error().path("param").asText(), badCursor::describe);
    }

    @Test
    void anotherMerchantGets404ForThisMerchantsEvent() {
        Merchant owner = stack.newMerchant("Event Owner");
        Merchant other = stack.newMerchant("Other Merchant");
        ReceiverServer receiver = receiver();
        receiver.expectSecrets(owner.createEndpoint(receiver.url("/hooks/owner")));
        owner.paySuccessfully("891", 8500);
        owner.paySuccessfully("892", 8600);
        String eventId = Poll.until("the owner's delivery", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 2).get(0).webhookId();
        assertEquals(200, owner.event(eventId).status());

        Response unknown = other.event("evt_" + RandomIds.base62(24));
        assertEquals(404, unknown.status(), unknown::describe);
        assertEquals("event_not_found", unknown.error().path("code").asText(), unknown::describe);
        Response foreign = other.event(eventId);
        assertEquals(404, foreign.status(), foreign::describe);
        assertEquals(unknown.body(), foreign.body(), "indistinguishable from an id that never existed");
        Response redeliver = other.redeliver(eventId);
        assertEquals(404, redeliver.status(), redeliver::describe);
        assertEquals("event_not_found", redeliver.error().path("code").asText(), redeliver::describe);
        assertEquals(0, other.events("").data().path("events").size(), "another merchant lists nothing of it");

        Response ownerPage = owner.events("limit=1");
        String ownersCursor = ownerPage.data().path("next_cursor").asText();
        Response borrowed = other.events("limit=1&cursor=" + URLEncoder.encode(ownersCursor, StandardCharsets.UTF_8));
        assertEquals(400, borrowed.status(), "a cursor works only for the merchant it was made for: "
                + borrowed.describe());
        Poll.holds("the redeliver attempt sent nothing", Duration.ofMillis(1500), () -> receiver.requests().size(),
                count -> count == 2);
    }

    /** A key of the other mode of the same merchant, as bin/admin create-key --mode live issues it. */
    @Test
    void theSameMerchantsLiveKeyNeitherListsGetsNorRedeliversItsTestEvents() {
        Merchant owner = stack.newMerchant("Two Modes Merchant");
        Merchant live = owner.withKey(stack.issueKey(owner.merchantId(), Mode.LIVE));
        ReceiverServer receiver = receiver();
        receiver.expectSecrets(owner.createEndpoint(receiver.url("/hooks/test-mode")));
        owner.paySuccessfully("893", 8700);
        owner.paySuccessfully("894", 8800);
        String eventId = Poll.until("the test-mode deliveries", Duration.ofSeconds(5), receiver::requests,
                requests -> requests.size() == 2).get(0).webhookId();
        assertEquals(2, owner.events("").data().path("events").size(), "the test key lists both");

        Response listed = live.events("limit=100");
        Response unknown = live.event("evt_" + RandomIds.base62(24));
        Response got = live.event(eventId);
        Response redelivered = live.redeliver(eventId);
        Response unknownRedelivered = live.redeliver("evt_" + RandomIds.base62(24));

        assertEquals(200, listed.status(), listed::describe);
        assertEquals(0, listed.data().path("events").size(), "no test-mode event in a live list: " + listed.describe());
        assertEquals(404, got.status(), got::describe);
        assertEquals(unknown.body(), got.body(), "as for an id that never existed");
        assertEquals(404, redelivered.status(), redelivered::describe);
        assertEquals(unknownRedelivered.body(), redelivered.body());
        String testCursor = owner.events("limit=1").data().path("next_cursor").asText();
        Response crossed = live.events("limit=1&cursor=" + URLEncoder.encode(testCursor, StandardCharsets.UTF_8));
        assertEquals(400, crossed.status(), "a cursor works only in its mode: " + crossed.describe());
        Poll.holds("the live key's redeliver sent nothing", Duration.ofMillis(1500), () -> receiver.requests().size(),
                count -> count == 2);
        assertEquals("delivered", owner.event(eventId).data().path("delivery_status").asText());
    }

    /** The live key can't move where the merchant's test-mode events go, nor rotate the secret they are signed with. */
    @Test
    void aLiveKeyCannotChangeTheEndpointOrItsSecret() {
        Merchant owner = stack.newMerchant("Live Key Endpoint Merchant");
        Merchant live = owner.withKey(stack.issueKey(owner.merchantId(), Mode.LIVE));
        ReceiverServer receiver = receiver();
        String secret = owner.createEndpoint(receiver.url("/hooks/kept"));
        receiver.expectSecrets(secret);

        for (Response refused : List.of(live.putEndpoint(receiver.url("/hooks/moved")), live.rotateSecret(),
                live.expirePreviousSecret())) {
            assertEquals(403, refused.status(), refused::describe);
            assertEquals("live_mode_not_enabled", refused.error().path("code").asText(), refused::describe);
            assertFalse(refused.body().contains("whsec_"), refused::describe);
        }

        owner.paySuccessfully("895", 8900);
        Received delivered = Poll.until("the delivery", Duration.ofSeconds(5), receiver::requests,
                requests -> !requests.isEmpty()).get(0);
        assertEquals("/hooks/kept", delivered.path());
        assertEquals(List.of(), delivered.verification().problems(), "still signed with the same secret");
    }

    /**
     * Rotating with an Idempotency-Key and retrying it: the retry rotates nothing and shows no secret, and
     * the idempotency table (which also saved a PUT made with a key) never holds one.
     */
    @Test
    void setAndRotateRetriedWithTheirIdempotencyKeyNeverReturnOrStoreTheSecret() {
        Merchant merchant = stack.newMerchant("Idempotent Rotation Merchant");
        ReceiverServer receiver = receiver();
        merchant.createEndpoint(receiver.url("/hooks/idempotent"));
        String key = "rotate-" + RandomIds.base62(12);

        Response rotated = merchant.rotateSecret(key);
        Response retried = merchant.rotateSecret(key);

        assertEquals(200, rotated.status(), rotated::describe);
        String secret = rotated.data().path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), rotated::describe);
        assertEquals(200, retried.status(), retried::describe);
        assertFalse(retried.body().contains("whsec_"), "the secret is shown once: " + retried.describe());
        assertTrue(retried.json().path("message").asText().contains("shown only once"), retried::describe);
        assertEquals(rotated.data().path("previous_secret_expires_at"), retried.data().path("previous_secret_expires_at"));
        Response set = merchant.putEndpoint(receiver.url("/hooks/idempotent"), "set-" + RandomIds.base62(12));
        assertEquals(200, set.status(), set::describe);
        receiver.expectSecrets(secret);
        merchant.paySuccessfully("896", 9000);
        Received delivered = Poll.until("the delivery after one rotation", Duration.ofSeconds(5), receiver::requests,
                requests -> !requests.isEmpty()).get(0);
        assertEquals(1, Signatures.standardEntriesSignedBy(secret, delivered.webhookId(),
                delivered.header("webhook-timestamp"), delivered.body(), delivered.header("webhook-signature")),
                "the retry did not rotate a second time: the secret shown first still signs");

        List<String> secretsStored = new ArrayList<>();
        stack.dynamoDb().scanPaginator(scan -> scan.tableName(stack.tableName("IdempotencyTable"))).items()
                .forEach(item -> item.forEach((name, value) -> {
                    if (value.s() != null && value.s().contains("whsec_")) {
                        secretsStored.add(name);
                    }
                }));
        assertEquals(List.of(), secretsStored, "no signing secret in the idempotency table");
    }

    /** Every merchant gets its signing secret at creation: a payment's own webhook_url needs no endpoint. */
    @Test
    void aPaymentsOwnWebhookUrlWorksForAMerchantThatNeverSetAnEndpoint() {
        Merchant merchant = stack.newMerchant("Own URLs Only Merchant");
        ReceiverServer perPayment = receiver();
        perPayment.expectSecrets(merchant.webhookSecret());

        Response paid = merchant.pay(WebhookStack.paymentBody(CardData.SUCCESS, "897", 9100)
                .put("webhook_url", perPayment.url("/hooks/own")));

        assertEquals(200, paid.status(), paid::describe);
        assertEquals(true, paid.data().path("webhook_queued").asBoolean(false), paid::describe);
        Received delivered = Poll.until("the event at the payment's own URL", Duration.ofSeconds(5),
                perPayment::requests, requests -> !requests.isEmpty()).get(0);
        assertEquals("/hooks/own", delivered.path());
        assertEquals(List.of(), delivered.verification().problems(), "signed with the secret from creation");
        merchant.eventUntil(delivered.webhookId(), "delivered", Duration.ofSeconds(5),
                e -> "delivered".equals(e.path("delivery_status").asText()));
    }

    /** No webhook_url and no endpoint: nothing is queued, the answer says so, and the event is listed as failed. */
    @Test
    void withNowhereToSendItWebhookQueuedIsFalseAndTheEventIsListed() {
        Merchant merchant = stack.newMerchant("Nowhere Merchant");

        Response paid = merchant.pay(CardData.SUCCESS, "898", 9200);

        assertEquals(200, paid.status(), paid::describe);
        assertEquals(false, paid.data().path("webhook_queued").asBoolean(true), paid::describe);
        String eventId = merchant.eventIdFor(paid.data().path("transaction_id").asText());
        JsonNode event = merchant.event(eventId).data();
        assertEquals("failed", event.path("delivery_status").asText(), event.toString());
        assertTrue(event.path("last_error").asText().startsWith("no_endpoint"), event.toString());
        assertEquals(0, event.path("attempts").size(), event.toString());
    }
}
