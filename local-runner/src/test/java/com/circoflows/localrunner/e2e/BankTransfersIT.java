package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.openapi.OpenApiContract;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bank transfers over real HTTP, as docs/bank-transfers.md walks them: the instructions of each scheme, test
 * mode's bank putting credits on the real feed (ElasticMQ) for the real consumer, the webhooks verified as
 * the reference's PHP snippet verifies them, the magic references, the expiry and the refund as an outbound
 * transfer. A runner of its own whose schedules run every second, so expiry and refund settlement are seen
 * without waiting a minute.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankTransfersIT {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private E2e e2e;

    @BeforeAll
    void startOwnRunner(E2e sharedSuiteCapturesOutput) {
        e2e = E2e.startSeparate(E2e.sharedOptions().withScheduleRate(Duration.ofSeconds(1))
                .withEnvironmentOverride("REFUND_SETTLE_GRACE_SECONDS", "1"));
    }

    @AfterAll
    void stopOwnRunner() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void createInstructionsFundPartThenTheRestAndEveryWebhookVerifiesWithTheReferencesPhpSnippet() {
        List<String> contractProblems = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start().answer(Answering.always(200))) {
            receiver.inspectEach(delivery -> contractProblems.addAll(
                    OpenApiContract.get().webhookProblems(delivery.headerValues(), delivery.body())));
            E2e.TestMerchant merchant = e2e.newMerchant("Bank Transfer Walkthrough");
            Api api = merchant.api();
            HttpResult endpoint = api.call("PUT", "/api/webhook-endpoint", "{\"url\":\"" + receiver.url("/hooks") + "\"}");
            assertEquals(200, endpoint.status(), endpoint::describe);

            HttpResult created = api.post("/api/direct-payment", transfer(10000, "EUR"));
            assertEquals(202, created.status(), created::describe);
            JsonNode data = created.data();
            assertEquals("pending", data.path("status").asText());
            assertEquals("bank_transfer_instructions", data.path("action_type").asText());
            JsonNode action = data.path("action_data");
            assertTrue(ibanPassesMod97(action.path("iban").asText()), action::toString);
            assertEquals(22, action.path("iban").asText().length(), "a German IBAN is 22 characters");
            assertEquals("CIRCDEF0", action.path("bic").asText());
            assertTrue(referencePassesMod97(action.path("reference").asText()), action::toString);
            assertEquals(10000, action.path("amount").asLong());
            String id = data.path("transaction_id").asText();

            HttpResult part = fund(api, id, "{\"amount\": 4000}");
            assertEquals(202, part.status(), part::describe);
            JsonNode partly = awaitStatus(api, id, t -> t.path("bank_transfer").path("amount_received").asLong() == 4000);
            assertEquals("pending", partly.path("status").asText());
            assertEquals(6000, partly.path("action_data").path("amount_remaining").asLong(), partly::toString);

            HttpResult rest = fund(api, id, "");
            assertEquals(6000, rest.data().path("amount").asLong(), "the default is what is missing: " + rest.describe());
            JsonNode paid = awaitStatus(api, id, t -> t.path("status").asText().equals("completed"));
            assertEquals(10000, paid.path("amount_captured").asLong());
            assertEquals(0, paid.path("bank_transfer").path("amount_excess").asLong());

            List<WebhookReceiver.Received> deliveries = receiver.awaitReceived("three events of " + id, ARRIVAL,
                    all -> typesFor(all, id).size() >= 3);
            assertEquals(List.of("payment.pending", "payment.pending", "payment.succeeded"),
                    typesFor(deliveries, id).stream().sorted().toList());
            for (WebhookReceiver.Received delivery : deliveries) {
                assertEquals(phpSnippetSignature(merchant.webhookSecret(), delivery.request().rawBody()),
                        delivery.request().header("x-webhook-signature"), delivery::toString);
            }
            assertEquals(List.of(), contractProblems);
        }
    }

    @Test
    void poundsAndDollarsShowTheirSchemesAccountFields() {
        Api api = e2e.newMerchant("Bank Transfer Schemes").api();

        JsonNode gbp = api.post("/api/direct-payment", transfer(2500, "GBP")).data().path("action_data");
        JsonNode usd = api.post("/api/direct-payment", transfer(2500, "USD")).data().path("action_data");

        assertTrue(gbp.path("sort_code").asText().matches("\\d\\d-\\d\\d-\\d\\d"), gbp::toString);
        assertTrue(gbp.path("account_number").asText().matches("\\d{8}"), gbp::toString);
        assertFalse(gbp.has("iban"));
        assertTrue(abaChecksumHolds(usd.path("routing_number").asText()), usd::toString);
        assertTrue(usd.path("account_number").asText().matches("\\d{4,17}"), usd::toString);
        HttpResult yen = api.post("/api/direct-payment", transfer(2500, "JPY"));
        ApiAssertions.assertError(yen, 400, "invalid_currency", "invalid_request_error", null, "currency");
        assertTrue(yen.error().path("message").asText().contains("EUR, GBP and USD"), yen::describe);
    }

    @Test
    void theDuplicateReferenceIsAppliedOnceAndTheUnmatchedOneIsHeldNotLost() {
        Api api = e2e.newMerchant("Bank Transfer Magic References").api();
        String id = api.post("/api/direct-payment", transfer(10000, "GBP")).data().path("transaction_id").asText();

        HttpResult duplicate = fund(api, id, "{\"amount\": 3000, \"reference\": \"RF_TEST_DUPLICATE\"}");
        assertEquals(2, duplicate.data().path("deliveries").asInt(), duplicate::describe);
        HttpResult unmatched = fund(api, id, "{\"amount\": 500, \"reference\": \"RF_TEST_UNMATCHED\"}");
        assertEquals(202, unmatched.status(), unmatched::describe);

        String heldReference = unmatched.data().path("bank_reference").asText();
        Eventually.until("the unmatched credit is held", ARRIVAL, () -> creditItem(heldReference),
                item -> !item.isEmpty());
        assertEquals("held", creditItem(heldReference).get("outcome").s());
        JsonNode after = awaitStatus(api, id, t -> t.path("bank_transfer").path("amount_received").asLong() > 0);
        assertEquals(3000, after.path("bank_transfer").path("amount_received").asLong(), "once, not twice");
        assertEquals("applied", creditItem(duplicate.data().path("bank_reference").asText()).get("outcome").s());
    }

    @Test
    void aReferenceTypedSloppilyWithoutTheAccountStillPaysItsPayment() {
        Api api = e2e.newMerchant("Bank Transfer Sloppy Reference").api();
        JsonNode created = api.post("/api/direct-payment", transfer(1500, "USD")).data();
        String id = created.path("transaction_id").asText();
        String typed = created.path("action_data").path("reference").asText().toLowerCase().replaceAll("(.{4})", "$1 ");

        fund(api, id, "{\"reference\": \"" + typed.trim() + "\"}");

        assertEquals("completed", awaitStatus(api, id, t -> t.path("status").asText().equals("completed"))
                .path("status").asText());
    }

    @Test
    void anUnpaidTransferExpiresWithBankTransferExpiredAndALateCreditIsHeld() {
        Api api = e2e.newMerchant("Bank Transfer Expiry").api();
        ObjectNodeBuilder body = new ObjectNodeBuilder(transfer(1000, "EUR"))
                .put("expires_at", Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString());
        HttpResult created = api.post("/api/direct-payment", body.text());
        assertEquals(202, created.status(), created::describe);
        String id = created.data().path("transaction_id").asText();
        fund(api, id, "{\"amount\": 400}");
        awaitStatus(api, id, t -> t.path("bank_transfer").path("amount_received").asLong() == 400);

        // Test time travel: the stored expiry moves into the past, and the next scheduled run (every second here) sees it.
        moveExpiryIntoThePast(id);
        JsonNode failed = awaitStatus(api, id, t -> t.path("status").asText().equals("failed"));
        assertEquals("bank_transfer_expired", failed.path("error").path("code").asText(), failed::toString);
        assertEquals(400, failed.path("bank_transfer").path("amount_excess").asLong(), "owed back");

        HttpResult late = fund(api, id, "{\"amount\": 600}");
        assertEquals(202, late.status(), late::describe);
        String lateReference = late.data().path("bank_reference").asText();
        Eventually.until("the late credit is held", ARRIVAL, () -> creditItem(lateReference), item -> !item.isEmpty());
        assertEquals("payment_closed", creditItem(lateReference).get("held_reason").s());
        assertEquals("failed", api.status(id).data().path("status").asText());
    }

    @Test
    void aHeldCreditIsListedForItsMerchantWhoAssignsOneAndReturnsAnother() {
        E2e.TestMerchant merchant = e2e.newMerchant("Bank Transfer Held Credits");
        Api api = merchant.api();
        String expired = api.post("/api/direct-payment", new ObjectNodeBuilder(transfer(1000, "EUR"))
                .put("expires_at", Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString())
                .text()).data().path("transaction_id").asText();
        moveExpiryIntoThePast(expired);
        awaitStatus(api, expired, t -> t.path("status").asText().equals("failed"));
        String first = fund(api, expired, "{\"amount\": 700}").data().path("credit_id").asText();
        String second = fund(api, expired, "{\"amount\": 300}").data().path("credit_id").asText();
        Eventually.until("two held credits listed", ARRIVAL,
                () -> api.get("/api/bank-credits?status=held").data().path("credits"), list -> list.size() == 2);

        JsonNode held = api.get("/api/bank-credits/" + first).data();
        assertEquals("held", held.path("status").asText(), held::toString);
        assertEquals("payment_closed", held.path("held_reason").asText());
        assertEquals(expired, held.path("transaction_id").asText());
        String next = api.post("/api/direct-payment", transfer(700, "EUR")).data().path("transaction_id").asText();
        HttpResult assigned = api.post("/api/bank-credits/" + first + "/assign",
                "{\"transaction_id\": \"" + next + "\"}", Map.of("Idempotency-Key", first + "-assign"));
        assertEquals(200, assigned.status(), assigned::describe);
        assertEquals("applied", assigned.data().path("status").asText());
        assertEquals("completed", awaitStatus(api, next, t -> t.path("status").asText().equals("completed"))
                .path("status").asText());
        HttpResult returned = api.post("/api/bank-credits/" + second + "/return", "",
                Map.of("Idempotency-Key", second + "-return"));
        assertEquals(200, returned.status(), returned::describe);
        assertEquals("returned", returned.data().path("status").asText());
        assertEquals(0, api.get("/api/bank-credits").data().path("credits").size());

        ApiAssertions.assertError(api.post("/api/bank-credits/" + second + "/assign",
                "{\"transaction_id\": \"" + next + "\"}", Map.of("Idempotency-Key", second + "-late")),
                409, "bank_credit_not_held", "invalid_request_error", null, null);
        Api stranger = e2e.newMerchant("Bank Credit Stranger").api();
        ApiAssertions.assertError(stranger.get("/api/bank-credits/" + first), 404, "bank_credit_not_found",
                "invalid_request_error", null, null);
        assertEquals(0, stranger.get("/api/bank-credits").data().path("credits").size());
    }

    @Test
    void aRefundGoesBackAsAnOutboundTransferPendingThenSucceeded() {
        E2e.TestMerchant merchant = e2e.newMerchant("Bank Transfer Refund");
        Api api = merchant.api();
        String id = api.post("/api/direct-payment", transfer(5000, "EUR")).data().path("transaction_id").asText();
        fund(api, id, "");
        awaitStatus(api, id, t -> t.path("status").asText().equals("completed"));

        HttpResult refund = api.post("/api/direct-payment/" + id + "/refunds", "{\"amount\": 2000}",
                Map.of("Idempotency-Key", id + "-refund"));
        assertEquals(200, refund.status(), refund::describe);
        assertEquals("pending", refund.data().path("status").asText(), "a transfer takes time: " + refund.describe());

        JsonNode settled = Eventually.until("the outbound transfer settles", ARRIVAL,
                () -> api.get("/api/direct-payment/" + id + "/refunds").data().path("refunds").path(0),
                r -> r.path("status").asText().equals("succeeded"));
        assertEquals(2000, settled.path("amount").asLong(), settled::toString);
        assertEquals("partially_refunded", api.status(id).data().path("status").asText());
    }

    @Test
    void fundingIsForTestKeysTheCallersOwnPaymentsAndBankTransfersOnly() {
        E2e.TestMerchant merchant = e2e.newMerchant("Bank Transfer Funding Rules");
        Api api = merchant.api();
        String id = api.post("/api/direct-payment", transfer(1000, "EUR")).data().path("transaction_id").asText();

        Api live = e2e.api(e2e.issueKey(merchant.merchantId(), Mode.LIVE));
        ApiAssertions.assertError(fund(live, id, ""), 403, "test_mode_only", "invalid_request_error", null, null);
        Api stranger = e2e.newMerchant("Bank Transfer Stranger").api();
        ApiAssertions.assertError(fund(stranger, id, ""), 404, "transaction_not_found", "invalid_request_error", null, null);
        String card = api.pay(Payments.card(Payments.SUCCESS, "123", 1000)).data().path("transaction_id").asText();
        ApiAssertions.assertError(fund(api, card, ""), 409, "invalid_transaction_state", "invalid_request_error", null, null);
        ApiAssertions.assertError(fund(api, id, "{\"amount\": 0}"), 400, "invalid_amount", "invalid_request_error", null,
                "amount");
    }

    private HttpResult fund(Api api, String id, String body) {
        return api.post("/api/test/bank-transfers/" + id + "/fund", body,
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
    }

    private static JsonNode awaitStatus(Api api, String id, java.util.function.Predicate<JsonNode> done) {
        return Eventually.until("payment " + id, ARRIVAL, () -> api.status(id).data(), done);
    }

    private static String transfer(long amount, String currency) {
        return "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"payment_method\": \"bank_transfer\","
                + " \"customer_info\": {\"name\": \"Erika Mustermann\", \"email\": \"erika@example.com\"}}";
    }

    private static List<String> typesFor(List<WebhookReceiver.Received> deliveries, String id) {
        List<String> types = new ArrayList<>();
        for (WebhookReceiver.Received delivery : deliveries) {
            JsonNode event = parse(delivery.request().body());
            if (id.equals(event.path("data").path("transaction_id").asText())) {
                types.add(event.path("type").asText());
            }
        }
        return types;
    }

    private Map<String, AttributeValue> creditItem(String bankReference) {
        return e2e.dynamoDb().getItem(get -> get.tableName(e2e.tableName("BankTransfersTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("credit#" + BankCreditIds.of(bankReference))))).item();
    }

    private void moveExpiryIntoThePast(String id) {
        String past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString();
        e2e.dynamoDb().updateItem(update -> update.tableName(e2e.tableName("TransactionsTable"))
                .key(Map.of("transaction_id", AttributeValue.fromS(id)))
                .updateExpression("SET bt_expires_at = :past, transfer_expires_at = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromS(past))));
    }

    /** What the reference's PHP snippet computes: hash_hmac('sha256', $payload, $webhook_secret). */
    private static String phpSnippetSignature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO 13616 written from the standard: move the first four characters to the end, letters as 10..35, mod 97 = 1. */
    private static boolean ibanPassesMod97(String iban) {
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** ISO 11649: the same rearrangement, mod 97 = 1. */
    private static boolean referencePassesMod97(String reference) {
        return reference.startsWith("RF") && mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
    }

    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    /** The ABA's checksum: 3, 7, 1 weights over the nine digits, sum divisible by 10. */
    private static boolean abaChecksumHolds(String routing) {
        if (!routing.matches("\\d{9}")) {
            return false;
        }
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (routing.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A request body with one more member. */
    private static final class ObjectNodeBuilder {
        private final com.fasterxml.jackson.databind.node.ObjectNode node;

        ObjectNodeBuilder(String json) {
            this.node = (com.fasterxml.jackson.databind.node.ObjectNode) parse(json);
        }

        ObjectNodeBuilder put(String name, String value) {
            node.put(name, value);
            return this;
        }

        String text() {
            return node.toString();
        }
    }
}
