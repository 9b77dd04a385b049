package com.circoflows.localrunner.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Eventually;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localrunner.e2e.SentCardData;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The bank credit feed's consumer against hostile messages put straight on BankCreditsQueue, as a broken or
 * hostile bank side might: valid credits with every field varied (card numbers typed into the free text,
 * foreign currencies, one-cent and huge amounts, mangled references, repeats), and messages that are not
 * credits at all (missing or mistyped fields, not JSON, overlong text). Properties: every readable credit is
 * recorded once, applied or held, never lost; nothing unreadable is recorded; what the ledger says was
 * applied to the payment is exactly what the payment shows as received; and the consumer keeps working.
 * CardDataScanIT then looks for the card numbers in every table and log.
 */
@EndToEnd
class BankCreditFeedFuzzIT {
    private static final int READABLE = 60;
    private static final int UNREADABLE = 40;
    private static final Duration RECORDED = Duration.ofSeconds(45);
    /** A payer's own account, as a bank may pass it on in the free text: ISO 13616's published example IBAN. */
    private static final String PAYER_IBAN = "DE89370400440532013000";

    private final E2e e2e;

    BankCreditFeedFuzzIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void everyReadableCreditIsRecordedOnceAndTheLedgerAgreesWithThePayment() {
        Api api = e2e.newMerchant("Feed Fuzz Merchant").api();
        HttpResult created = api.post("/api/direct-payment", MerchantObjects.BANK_TRANSFER_BODY.replace("2500", "99999999"));
        assertEquals(202, created.status(), created::describe);
        JsonNode action = created.data().path("action_data");
        String transactionId = created.data().path("transaction_id").asText();
        Random random = new Random(Long.getLong("fuzz.seed", System.nanoTime()));
        String run = Long.toString(Math.abs(random.nextLong()), 36);

        List<String> readable = new ArrayList<>();
        for (int i = 0; i < READABLE; i++) {
            ObjectNode credit = readableCredit(random, action, run + "-r" + i);
            send(credit.toString());
            readable.add(credit.path("bank_reference").asText());
            if (random.nextInt(5) == 0) {
                send(credit.toString()); // the same credit again
            }
        }
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < UNREADABLE; i++) {
            String bankReference = run + "-u" + i;
            send(unreadable(random, action, bankReference));
            unreadable.add(bankReference);
        }

        for (String bankReference : readable) {
            Eventually.until("credit " + bankReference + " recorded", RECORDED, () -> creditItem(bankReference),
                    item -> item != null && !item.isEmpty());
        }
        for (String bankReference : unreadable) {
            Map<String, AttributeValue> item = creditItem(bankReference);
            assertTrue(item == null || item.isEmpty(), "an unreadable message was recorded: " + bankReference);
        }
        long applied = appliedTo(transactionId);
        long received = api.status(transactionId).data().path("bank_transfer").path("amount_received").asLong();
        assertEquals(applied, received, "the ledger's applied credits and the payment's amount received");

        // A payment of its own: the fuzzed one may have received as much as an amount can be, so that a further
        // credit is rightly held (amount_limit) rather than applied.
        String fresh = api.post("/api/direct-payment", MerchantObjects.BANK_TRANSFER_BODY).data()
                .path("transaction_id").asText();
        HttpResult legit = api.post("/api/test/bank-transfers/" + fresh + "/fund", "{\"amount\": 1000}",
                Map.of("Idempotency-Key", run + "-legit"));
        assertEquals(202, legit.status(), legit::describe);
        Eventually.until("the consumer still applies credits", RECORDED,
                () -> api.status(fresh).data().path("bank_transfer").path("amount_received").asLong(),
                after -> after == 1000);
        assertNoPayerAccountLogged();
    }

    /** The account-data scan: a payer's account number reached the consumer in several fields; no log line shows it. */
    private void assertNoPayerAccountLogged() {
        java.nio.file.Path log = e2e.capturedLog();
        if (log == null) {
            return;
        }
        try {
            String logged = java.nio.file.Files.readString(log);
            assertTrue(!logged.contains(PAYER_IBAN) && !logged.contains("DE89 3704 0044 0532 0130 00"),
                    "a payer's IBAN in " + log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode readableCredit(Random random, JsonNode action, String bankReference) {
        ObjectNode credit = ValidBodies.JSON.createObjectNode();
        credit.put("amount", Gen.elements(1L, 50L, 1000L, 2500L, 99_999_999L).next(random));
        credit.put("currency", Gen.elements("EUR", "EUR", "EUR", "GBP", "USD", "JPY").next(random));
        String reference = action.path("reference").asText();
        credit.put("reference", Gen.elements(reference, reference.toLowerCase(), spaced(reference),
                "RF" + reference.substring(2, 4) + reference.substring(5) + reference.charAt(4),
                "Order 12 " + SentCardData.pan(Payments.SUCCESS), "From " + PAYER_IBAN, "ÄÖÜ ☃ 雪", "").next(random));
        if (random.nextBoolean()) {
            credit.put("virtual_account", Gen.elements(action.path("iban").asText(), PAYER_IBAN,
                    SentCardData.pan(Payments.MASTERCARD), "12345678").next(random));
        }
        credit.put("payer_name", Gen.elements("Erika Mustermann", "O'Brien & Sons <b>", "Card "
                + SentCardData.pan(Payments.SUCCESS), "x".repeat(140)).next(random));
        credit.put("bank_reference", bankReference);
        credit.put("received_at", Instant.now().minusSeconds(random.nextInt(86_400)).toString());
        if (credit.path("reference").asText().isEmpty()) {
            credit.remove("reference");
        }
        return credit;
    }

    private static String unreadable(Random random, JsonNode action, String bankReference) {
        ObjectNode credit = ValidBodies.JSON.createObjectNode()
                .put("amount", 1000).put("currency", "EUR").put("reference", action.path("reference").asText())
                .put("payer_name", "Erika").put("bank_reference", bankReference)
                .put("received_at", Instant.now().toString());
        switch (random.nextInt(10)) {
            case 0 -> credit.remove("amount");
            case 1 -> credit.put("amount", "1000");
            case 2 -> credit.put("amount", -5);
            case 3 -> credit.put("currency", "EURO");
            case 4 -> credit.put("received_at", "last tuesday");
            case 5 -> credit.put("reference", "R".repeat(5000));
            case 6 -> credit.put("iban", SentCardData.pan(Payments.SUCCESS));
            case 7 -> credit.putArray("payer_name").add(1);
            case 8 -> {
                return "{\"amount\": 1000, \"bank_reference\": \"" + bankReference + "\", " + SentCardData.pan(Payments.SUCCESS);
            }
            default -> credit.put("amount", 0);
        }
        return credit.toString();
    }

    private static String spaced(String reference) {
        return reference.replaceAll("(.{4})", "$1 ").trim();
    }

    private void send(String body) {
        e2e.sqs().sendMessage(send -> send.queueUrl(e2e.queueUrl("BankCreditsQueue")).messageBody(body));
    }

    private Map<String, AttributeValue> creditItem(String bankReference) {
        return e2e.dynamoDb().getItem(get -> get.tableName(e2e.tableName("BankTransfersTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("credit#" + BankCreditIds.of(bankReference))))).item();
    }

    /** What the ledger recorded as applied to the payment: a scan, fine for a test table. */
    private long appliedTo(String transactionId) {
        long sum = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = e2e.dynamoDb().scan(scan -> scan.tableName(e2e.tableName("BankTransfersTable"))
                    .consistentRead(true).exclusiveStartKey(from)
                    .filterExpression("transaction_id = :id AND outcome = :applied")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(transactionId),
                            ":applied", AttributeValue.fromS("applied"))));
            for (Map<String, AttributeValue> item : page.items()) {
                sum += Long.parseLong(item.get("amount").n());
            }
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        return sum;
    }
}
