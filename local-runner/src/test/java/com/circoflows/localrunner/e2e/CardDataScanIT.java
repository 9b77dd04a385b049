package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.testsupport.CardDataScanner;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks that none of the card data the end-to-end tests sent was kept: every item of every table
 * template.yaml defines, and everything each test JVM printed (handlers, DynamoDB Local, ElasticMQ,
 * SDK). Each JVM scans its own runner and output as it exits, after its last class
 * ({@link ForkCardDataScan}); failsafe runs this class in an execution of its own after those JVMs
 * have exited (see the pom), and it reads their reports. It asserts they scanned real data, so it
 * cannot pass on an empty database or an empty log; run alone it fails for that reason: run the
 * whole suite. A run of chosen ITs (-Dit.test) skips it.
 */
class CardDataScanIT {
    private static final int MINIMUM_TRANSACTIONS = 20;

    @Test
    void scannerRecognisesTheCardDataItLooksFor() {
        CardDataScanner scanner = new CardDataScanner(Set.of("739"), Set.of("4000000000000002"),
                Set.of("AgAAAAAABk4DWZ4C28yUQAAAAAA="));

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
        scanner.scanLogLine("captured.log:9", "{\"paymentData\":{\"onlinePaymentCryptogram\":\"AgAAAAAABk4DWZ4C28yUQAAAAAA=\"}}");

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
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("captured.log:9: a wallet token's cryptogram")),
                findings::toString);
        assertFalse(findings.toString().contains("4242424242424242"), "findings mask the number: " + findings);
        assertFalse(findings.toString().contains("AgAAAAAABk4DWZ4C28yUQAAAAAA="), "findings hide the cryptogram");
    }

    @Test
    void noTableHoldsACardNumberACvvOrACardDataAttribute() throws IOException {
        List<Properties> reports = reportsOfTheWholeSuite();
        for (Properties report : reports) {
            System.out.println("e2e: card data scan of " + report.getProperty("file") + ": " + report);
            assertEquals(null, report.getProperty("error"), "the scan ran: " + report);
            assertEquals(report.getProperty("tables.template"), report.getProperty("tables.scanned"),
                    "every template table scanned: " + report);
        }
        assertTrue(sum(reports, "cvvs") >= 10 && sum(reports, "pans") >= 8,
                "the suite must have sent card data first (run all ITs): " + reports);
        assertTrue(sum(reports, "cryptograms") >= 4,
                "the suite must have paid with wallet tokens first (run all ITs): " + reports);
        assertTrue(sum(reports, "items.TransactionsTable") >= MINIMUM_TRANSACTIONS,
                "too few transactions to prove anything (run all ITs): " + reports);
        assertTrue(sum(reports, "items.WebhookEventsTable") >= MINIMUM_TRANSACTIONS, reports::toString);
        assertTrue(sum(reports, "items.MerchantsTable") >= 2, reports::toString);
        assertTrue(sum(reports, "items.ApiKeysTable") >= 2, reports::toString);
        List<String> findings = findings(reports);
        assertTrue(findings.isEmpty(), () -> "card data in storage or output:\n  " + String.join("\n  ", findings));
    }

    @Test
    void capturedOutputHoldsNoCardNumberAndNoCvv() throws IOException {
        List<Properties> reports = reportsOfTheWholeSuite();
        for (Properties report : reports) {
            assertTrue(Integer.parseInt(report.getProperty("log.lines", "0")) > 0, "nothing captured: " + report);
        }
        assertTrue(sum(reports, "log.requestLines") >= 100,
                "the handlers' request logs must be in the captured output (run all ITs): " + reports);
        List<String> findings = findings(reports);
        assertTrue(findings.isEmpty(), () -> "card data in storage or output:\n  " + String.join("\n  ", findings));
    }

    private static List<Properties> reportsOfTheWholeSuite() throws IOException {
        String chosen = System.getProperty("circoflows.it.test", "");
        Assumptions.assumeTrue(chosen.isBlank() || chosen.startsWith("${"),
                "a run of chosen ITs (-Dit.test=" + chosen + ") proves nothing about the whole suite's card data");
        List<Properties> reports = ForkCardDataScan.reportsOfThisBuild();
        assertFalse(reports.isEmpty(), "no test JVM of this build left a card-data scan in "
                + ForkCardDataScan.buildFolder() + " (run all ITs)");
        return reports;
    }

    private static int sum(List<Properties> reports, String key) {
        return reports.stream().mapToInt(report -> Integer.parseInt(report.getProperty(key, "0"))).sum();
    }

    private static List<String> findings(List<Properties> reports) {
        return reports.stream().flatMap(report -> report.stringPropertyNames().stream()
                .filter(key -> key.startsWith("finding."))
                .map(key -> report.getProperty("file") + ": " + report.getProperty(key))).sorted().toList();
    }
}
