package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.testsupport.CardDataScanner;
import com.circoflows.localrunner.testsupport.StoredCardDataScan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs after every other end-to-end class (junit-platform.properties orders classes by @Order) and
 * checks that none of the card data they sent was kept: every item of every table template.yaml
 * defines, and everything the JVM printed (handlers, DynamoDB Local, ElasticMQ, SDK). It asserts it
 * scanned real data, so it cannot pass on an empty database or an empty log; run alone it fails for
 * that reason: run the whole suite.
 */
@EndToEnd
@Order(Integer.MAX_VALUE)
class CardDataScanIT {
    private static final int MINIMUM_TRANSACTIONS = 20;

    private final E2e e2e;

    CardDataScanIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void scannerRecognisesTheCardDataItLooksFor() {
        CardDataScanner scanner = new CardDataScanner(Set.of("739"), Set.of("4000000000000002"));

        scanner.scanLogLine("captured.log:1", "paid with 4242424242424242 ok");
        scanner.scanLogLine("captured.log:2", "{\"card\":\"3782 822463 10005\"}");
        scanner.scanLogLine("captured.log:3", "{\"cvv\":\"739\"}");
        scanner.scanLogLine("captured.log:4", "token=x4000000000000002y");
        scanner.scanAttribute("item", "card_number", AttributeValue.fromS("x"));
        scanner.scanAttribute("item", "note", AttributeValue.fromS("739"));
        scanner.scanAttribute("counter", "request_count", AttributeValue.fromN("739"));
        scanner.scanAttribute("item", "data", AttributeValue.fromS("{\"a\":{\"pan\":\"5555555555554444\"}}"));
        scanner.scanLogLine("captured.log:5", "fingerprint 4f4242424242424242ab, id 12345678-1234-1234-1234-123456789012, "
                + "at 1735689600123, txn_4242424242424242ABCDEFGH, status 200, 2026-12-04T16:24:58.123Z, 10.0.0.1, v12.1.11");
        scanner.scanLogLine("captured.log:6", "{\"path\":\"/api/direct-payment/4000.0000.0000.0002\"}");
        scanner.scanLogLine("captured.log:7", "return https://shop.example/r?c=4000%252E0000%252E0000%252E0002");
        scanner.scanLogLine("captured.log:8", "note 5555_5555_5555_4444 and 3782  822463  10005");
        scanner.scanAttribute("item", "return_url", AttributeValue.fromS("https://shop.example/r?c=4000+0000+0000+0002"));

        List<String> findings = scanner.findings();
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("captured.log:1: Luhn-valid")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("captured.log:2: Luhn-valid grouped")),
                findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("captured.log:3: ")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("captured.log:4: a card number the suite sent")),
                findings::toString);
        assertTrue(findings.contains("item: attribute named 'card_number'"), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("item: value equals a CVV")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("item<json>.a.pan: JSON field named")),
                findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("item<json>.a.pan: Luhn-valid")),
                findings::toString);
        for (String line : new String[] {"captured.log:6", "captured.log:7"}) {
            assertTrue(findings.stream().anyMatch(f -> f.startsWith(line + ": a card number the suite sent, written with "
                    + "separators")), line + " " + findings);
        }
        assertEquals(2, findings.stream().filter(f -> f.startsWith("captured.log:8: Luhn-valid grouped")).count(),
                findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("item: a card number the suite sent, written with "
                + "separators")), findings::toString);
        assertFalse(findings.stream().anyMatch(f -> f.startsWith("counter")), "a counter's tally is a count: " + findings);
        assertFalse(findings.stream().anyMatch(f -> f.startsWith("captured.log:5")),
                "digests, UUIDs, epoch millis and ids are not card numbers: " + findings);
        assertFalse(findings.toString().contains("4242424242424242"), "findings mask the number: " + findings);
    }

    @Test
    void noTableHoldsACardNumberACvvOrACardDataAttribute() {
        Set<String> cvvs = SentCardData.cvvs();
        Set<String> pans = SentCardData.pans();
        assertTrue(cvvs.size() >= 10 && pans.size() >= 8,
                "the suite must have sent card data first (run all ITs): " + cvvs.size() + " CVVs, "
                        + pans.size() + " card numbers");
        CardDataScanner scanner = new CardDataScanner(cvvs, pans);
        Map<String, Integer> itemsPerTable = StoredCardDataScan.tables(e2e.runner().stack(), scanner);
        System.out.println("e2e: card data scan of tables " + itemsPerTable + ", CVVs sent " + cvvs.size()
                + ", card numbers sent " + pans.size() + ", timestamps ignored " + scanner.ignoredTimestamps());

        assertEquals(e2e.tableNames().size(), itemsPerTable.size(), "every template table scanned");
        assertTrue(itemsPerTable.getOrDefault("TransactionsTable", 0) >= MINIMUM_TRANSACTIONS,
                "too few transactions to prove anything (run all ITs): " + itemsPerTable);
        assertTrue(itemsPerTable.getOrDefault("WebhookEventsTable", 0) >= MINIMUM_TRANSACTIONS, itemsPerTable::toString);
        assertTrue(itemsPerTable.getOrDefault("MerchantsTable", 0) >= 2, itemsPerTable::toString);
        assertTrue(itemsPerTable.getOrDefault("ApiKeysTable", 0) >= 2, itemsPerTable::toString);
        assertTrue(scanner.findings().isEmpty(), () -> "card data in storage:\n  "
                + String.join("\n  ", scanner.findings()));
    }

    @Test
    void capturedOutputHoldsNoCardNumberAndNoCvv() throws IOException {
        Set<String> cvvs = SentCardData.cvvs();
        Set<String> pans = SentCardData.pans();
        assertTrue(cvvs.size() >= 10 && pans.size() >= 8, "the suite must have sent card data first (run all ITs)");
        CardDataScanner scanner = new CardDataScanner(cvvs, pans);
        StoredCardDataScan.LogScan scanned = StoredCardDataScan.log(e2e.capturedLog(), scanner);
        int lines = scanned.lines();
        int requestLines = scanned.requestLines();
        System.out.println("e2e: card data scan of " + e2e.capturedLog() + ": " + lines + " lines, " + requestLines
                + " request log lines, timestamps ignored " + scanner.ignoredTimestamps());

        assertTrue(lines > 0, "nothing captured in " + e2e.capturedLog());
        assertTrue(requestLines >= 100, "the handlers' request logs must be in the captured output (run all ITs): "
                + requestLines + " of " + lines + " lines");
        assertTrue(scanner.findings().isEmpty(), () -> "card data in " + e2e.capturedLog() + ":\n  "
                + String.join("\n  ", scanner.findings()));
    }
}
