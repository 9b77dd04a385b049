package com.circoflows.localrunner.browser;

import static com.circoflows.localrunner.browser.DashboardWalkthroughBrowserIT.awaitOnReload;
import static com.circoflows.localrunner.browser.DashboardWalkthroughBrowserIT.rowOf;
import static com.circoflows.localrunner.browser.DashboardWalkthroughBrowserIT.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.Eventually;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Bank transfers in the dashboard, in Chromium (issue 17): transfers made through the API and funded through
 * test mode's bank (the real feed and consumer) are found in the payments list by their method and
 * reference; a transfer's page shows the scheme's instructions and what arrived, is missing or was paid too
 * much, an expired one its failure, and the Refund form sends the money back as an outbound transfer that
 * shows pending until the scheduled settlement has sent it. Looked at on a phone and a laptop with axe
 * (screenshots under target/screenshots/dashboard-bank-NN-*.png), and without JavaScript. A runner of its
 * own whose schedules run every second, so expiry and the refund's settlement are seen without waiting a
 * minute.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBankTransferBrowserIT {
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private final WebhookReceiver endpoint = WebhookReceiver.start();
    private E2e e2e;

    @BeforeAll
    void startOwnRunner(E2e sharedSuiteCapturesOutput) {
        e2e = E2e.startSeparate(E2e.sharedOptions().withScheduleRate(Duration.ofSeconds(1))
                .withEnvironmentOverride("REFUND_SETTLE_GRACE_SECONDS", "1"));
    }

    @AfterAll
    void stopOwnRunnerAndEndpoint() {
        endpoint.close();
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void transfersShowTheirMethodInstructionsAndMoneyAndAPaidOneIsRefundedAsAnOutboundTransfer(Browser browser) {
        DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-bank");
        dashboard.signUp("Transfer Tea", DashboardVisit.uniqueEmail("transfers"));
        Api api = e2e.api(dashboard.shownSecret("new-api-key"));
        HttpResult hooked = api.call("PUT", "/api/webhook-endpoint", "{\"url\":\"" + endpoint.url("/hooks") + "\"}");
        assertEquals(200, hooked.status(), hooked::describe);

        // Through the API: a card payment, a euro transfer paid in part, pounds paid too much, dollars expired.
        HttpResult card = api.pay(Payments.card(Payments.SUCCESS, "123", 1200));
        assertEquals(200, card.status(), card::describe);
        String cardId = card.data().path("transaction_id").asText();
        JsonNode euros = create(api, 10000, "EUR");
        String eurosId = euros.path("transaction_id").asText();
        fund(api, eurosId, 4000);
        awaitPayment(api, eurosId, t -> t.path("bank_transfer").path("amount_received").asLong() == 4000);
        String poundsId = create(api, 2500, "GBP").path("transaction_id").asText();
        fund(api, poundsId, 3000);
        awaitPayment(api, poundsId, t -> t.path("status").asText().equals("completed"));
        String dollarsId = create(api, 5000, "USD").path("transaction_id").asText();
        fund(api, dollarsId, 1000);
        awaitPayment(api, dollarsId, t -> t.path("bank_transfer").path("amount_received").asLong() == 1000);
        moveExpiryIntoThePast(dollarsId);
        awaitPayment(api, dollarsId, t -> t.path("status").asText().equals("failed"));

        // The list: the method column and the method filter.
        dashboard.follow("Go to your dashboard");
        assertEquals("Payments", dashboard.heading());
        String euroReference = printed(euros.path("action_data").path("reference").asText());
        assertTrue(rowOf(browser, eurosId).contains("Bank transfer\n" + euroReference), rowOf(browser, eurosId));
        assertTrue(rowOf(browser, cardId).contains("visa ···· 4242"), rowOf(browser, cardId));
        dashboard.look("01-payments");
        new Select(dashboard.field("payment_method")).selectByVisibleText("Bank transfer");
        dashboard.press("Filter");
        assertTrue(dashboard.path().contains("payment_method=bank_transfer"), dashboard.path());
        assertEquals(3, browser.findAll(By.cssSelector("tbody tr")).size(), dashboard.text());
        assertEquals("", rowOf(browser, cardId), "the card payment is filtered out");
        dashboard.look("02-payments-bank-transfers");

        // The euro transfer paid in part: SEPA instructions, received and remaining.
        dashboard.follow(eurosId);
        assertTrue(dashboard.heading().contains("100.00 EUR") && dashboard.heading().contains("pending"), dashboard.heading());
        String transfer = section(browser, "Bank transfer");
        JsonNode instructions = euros.path("action_data");
        assertTrue(transfer.contains("IBAN\n" + printed(instructions.path("iban").asText())), transfer);
        assertTrue(transfer.contains("BIC\n" + instructions.path("bic").asText()), transfer);
        assertTrue(transfer.contains("Reference\n" + euroReference), transfer);
        assertTrue(transfer.contains("Received\n40.00 EUR") && transfer.contains("Remaining\n60.00 EUR"), transfer);
        assertTrue(transfer.contains("Partly paid"), transfer);
        assertTrue(section(browser, "Timeline").contains("Expires unless 60.00 EUR more arrives"), section(browser, "Timeline"));
        assertEquals(printed(instructions.path("iban").asText()), dashboard.copy("IBAN"), "the Copy button copies the IBAN");
        awaitOnReload(dashboard, () -> section(browser, "Webhook deliveries").contains("payment.pending")
                && section(browser, "Webhook deliveries").contains("HTTP 200"));
        dashboard.look("03-partly-paid");

        // The expired dollar transfer: the failure, and what arrived is owed back.
        dashboard.open("/dashboard/payments/" + dollarsId);
        assertTrue(dashboard.heading().contains("failed"), dashboard.heading());
        assertTrue(section(browser, "Details").contains("bank_transfer_expired"), section(browser, "Details"));
        transfer = section(browser, "Bank transfer");
        assertTrue(transfer.contains("Routing number") && transfer.contains("Account number"), transfer);
        assertTrue(transfer.contains("The 10.00 USD that arrived is owed back to the payer."), transfer);
        assertTrue(transfer.contains("Excess (owed back to the payer)\n10.00 USD"), transfer);
        assertTrue(browser.findAll(By.id("refund-heading")).isEmpty(), "nothing to refund");
        dashboard.look("04-expired");

        // The pounds paid too much: the excess, then a refund from the page as an outbound transfer.
        dashboard.open("/dashboard/payments/" + poundsId);
        transfer = section(browser, "Bank transfer");
        assertTrue(transfer.contains("Sort code") && transfer.contains("Account number"), transfer);
        assertTrue(transfer.contains("Excess (owed back to the payer)\n5.00 GBP"), transfer);
        assertTrue(dashboard.text().contains("The money goes back to the payer as a bank transfer."), dashboard.text());
        dashboard.look("05-paid-too-much");
        dashboard.type("amount", "10.00").press("Refund");
        assertTrue(dashboard.notice().startsWith("The refund is on its way back to the payer as a bank transfer."),
                dashboard.notice());
        assertTrue(dashboard.heading().contains("partially refunded"), dashboard.heading());
        assertTrue(section(browser, "Timeline").contains("Refund of 10.00 GBP as a bank transfer to the payer: pending"),
                section(browser, "Timeline"));
        dashboard.look("06-refund-pending");
        awaitOnReload(dashboard, () -> section(browser, "Timeline")
                .contains("Refund of 10.00 GBP as a bank transfer to the payer: succeeded"));
        JsonNode refunds = api.get("/api/direct-payment/" + poundsId + "/refunds").data().path("refunds");
        assertEquals(1000, refunds.path(0).path("amount").asLong(), refunds::toString);
        assertEquals("succeeded", refunds.path(0).path("status").asText(), refunds::toString);
        dashboard.look("07-refund-settled");
    }

    @Test
    void aPaidTransferIsReadAndRefundedFromItsPageWithJavaScriptOff() {
        try (Browser browser = Browser.start(false)) {
            browser.phone();
            DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-bank-nojs");
            dashboard.signUp("No Script Transfers", DashboardVisit.uniqueEmail("transfers.noscript"));
            Api api = e2e.api(dashboard.shownSecret("new-api-key"));
            JsonNode created = create(api, 4000, "EUR");
            String id = created.path("transaction_id").asText();
            fund(api, id, 4000);
            awaitPayment(api, id, t -> t.path("status").asText().equals("completed"));

            dashboard.open("/dashboard/payments/" + id);
            String transfer = section(browser, "Bank transfer");
            assertTrue(transfer.contains(printed(created.path("action_data").path("reference").asText())), transfer);
            assertTrue(browser.findAll(By.xpath("//button[normalize-space()='Copy']")).isEmpty(),
                    "no script ran, so no copy button: the values are there to select");
            browser.screenshot("dashboard-bank-nojs-01-paid-375");
            dashboard.type("amount", "15").press("Refund");

            assertTrue(dashboard.notice().startsWith("The refund is on its way back to the payer as a bank transfer."),
                    dashboard.notice());
            assertTrue(section(browser, "Timeline").contains("Refund of 15.00 EUR as a bank transfer to the payer"),
                    section(browser, "Timeline"));
            browser.screenshot("dashboard-bank-nojs-02-refunded-375");
            assertEquals(1500, api.status(id).data().path("amount_refunded").asLong());
        }
    }

    private static JsonNode create(Api api, long amount, String currency) {
        HttpResult created = api.post("/api/direct-payment", "{\"amount\": " + amount + ", \"currency\": \"" + currency
                + "\", \"payment_method\": \"bank_transfer\", \"customer_info\": {\"name\": \"Erika Mustermann\","
                + " \"email\": \"erika@example.com\"}}");
        assertEquals(202, created.status(), created::describe);
        return created.data();
    }

    /** Test mode's bank credits the transfer: 202, and the consumer applies it a moment later. */
    private static void fund(Api api, String id, long amount) {
        HttpResult funded = api.post("/api/test/bank-transfers/" + id + "/fund", "{\"amount\": " + amount + "}",
                Map.of("Idempotency-Key", id + "-fund-" + amount));
        assertEquals(202, funded.status(), funded::describe);
    }

    private static JsonNode awaitPayment(Api api, String id, Predicate<JsonNode> done) {
        return Eventually.until("payment " + id, ARRIVAL, () -> api.status(id).data(), done);
    }

    /** Test time travel, as BankTransfersIT does: the stored expiry moves into the past for the next scheduled run. */
    private void moveExpiryIntoThePast(String id) {
        String past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString();
        e2e.dynamoDb().updateItem(update -> update.tableName(e2e.tableName("TransactionsTable"))
                .key(Map.of("transaction_id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id)))
                .updateExpression("SET bt_expires_at = :past, transfer_expires_at = :past")
                .expressionAttributeValues(Map.of(":past",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(past))));
    }

    /** As people read IBANs and references: in groups of four. */
    private static String printed(String electronic) {
        return electronic.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
