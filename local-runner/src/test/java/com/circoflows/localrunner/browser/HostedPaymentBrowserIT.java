package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * A customer pays a hosted payment session in Chromium: the merchant creates the session through the
 * API with a return_url on its own site, the customer pays on payment_url and ends up back there.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedPaymentBrowserIT {
    private final E2e e2e;
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    HostedPaymentBrowserIT(E2e e2e) {
        this.e2e = e2e;
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Books"));
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void payingWith4242LandsOnTheReturnUrlWithTheSessionIdAndCompletedStatus(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("A-1"));
        String sessionId = session.path("session_id").asText();

        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());
        assertEquals("$250.00", page.amount());
        assertEquals("Pay $250.00", page.button().getText());
        assertTrue(browser.text().contains("Browser Books"), browser.text());
        assertTrue(browser.text().contains("Premium Subscription - Annual Plan"), browser.text());
        assertEquals("jane@example.com", page.field("email").getAttribute("value"));
        assertEquals("Jane Smith", page.field("cardholder_name").getAttribute("value"));
        browser.screenshot("payment-form-375");
        browser.desktop().screenshot("payment-form-1280");
        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "317");
        assertEquals("4242 4242 4242 4242", page.field("card_number").getAttribute("value"), "grouped as typed");
        browser.screenshot("payment-form-filled-1280");

        page.pay();

        Map<String, String> query = landedOnTheReturnUrl(browser, "A-1");
        assertEquals(sessionId, query.get("session_id"));
        assertEquals("completed", query.get("status"));
        JsonNode status = sessions.status(sessionId);
        assertEquals("completed", status.path("status").asText(), status::toString);
        String transactionId = status.path("transaction_id").asText();
        assertTrue(transactionId.startsWith("txn_"), status::toString);
        JsonNode transaction = sessions.transaction(transactionId);
        assertEquals("completed", transaction.path("status").asText(), transaction::toString);
        assertEquals(25000, transaction.path("amount").asLong(), transaction::toString);
        assertEquals(sessionId, transaction.path("session_id").asText(), transaction::toString);
    }

    @Test
    void declinedCardShowsWhyAndAnotherCardThenSucceeds(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("A-2"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        page.enterCard(CheckoutPage.DECLINED, CheckoutPage.EXPIRY, "318").pay();

        page = CheckoutPage.on(browser);
        String failure = page.awaitFailure();
        assertTrue(failure.contains("Your card was declined. Try another card."), failure);
        assertEquals("", page.field("card_number").getAttribute("value"), "card fields are empty for the next card");
        assertEquals("", page.field("cvc").getAttribute("value"));
        assertEquals("jane@example.com", page.field("email").getAttribute("value"));
        assertFalse(browser.driver().getPageSource().contains("0000 0002")
                || browser.driver().getPageSource().contains("4000000000000002"), "the card number is not echoed");
        assertEquals("pending", sessions.status(sessionId).path("status").asText());
        browser.screenshot("payment-declined-375");
        browser.desktop().screenshot("payment-declined-1280");

        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "319").pay();

        Map<String, String> query = landedOnTheReturnUrl(browser, "A-2");
        assertEquals("completed", query.get("status"));
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
        assertEquals(2, sessions.transactionsOf(sessionId).size(), "the decline and the payment");
    }

    @Test
    void threeDSecureCardIsAuthenticatedAndTheCustomerReturnsToTheMerchant(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("A-3"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.desktop(), session.path("payment_url").asText());

        page.enterCard(CheckoutPage.THREE_D_SECURE, CheckoutPage.EXPIRY, "321").pay();

        browser.await(driver -> driver.getCurrentUrl().contains("/pay/3ds/txn_"));
        assertEquals("Confirm it's you", browser.find(By.tagName("h1")).getText());
        assertTrue(browser.text().contains("$250.00"), browser.text());
        browser.find(By.xpath("//button[normalize-space()='Authenticate']")).click();

        Map<String, String> query = landedOnTheReturnUrl(browser, "A-3");
        assertEquals(sessionId, query.get("session_id"));
        assertEquals("completed", query.get("status"));
        JsonNode status = sessions.status(sessionId);
        assertEquals("completed", status.path("status").asText(), status::toString);
        JsonNode transaction = sessions.transaction(status.path("transaction_id").asText());
        assertEquals("authenticated", transaction.path("three_d_secure").asText(), transaction::toString);
        assertEquals("completed", transaction.path("status").asText(), transaction::toString);
    }

    @Test
    void failedThreeDSecureBringsTheCustomerBackToThePageWithAClearMessageAndTheSessionStillPayable(
            Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("A-4"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());
        page.enterCard(CheckoutPage.THREE_D_SECURE, CheckoutPage.EXPIRY, "322").pay();
        browser.await(driver -> driver.getCurrentUrl().contains("/pay/3ds/txn_"));

        browser.find(By.xpath("//button[normalize-space()='Fail authentication']")).click();

        page = CheckoutPage.on(browser);
        assertTrue(browser.url().endsWith("/pay/" + sessionId), browser.url());
        String failure = page.awaitFailure();
        assertTrue(failure.contains("Your bank didn't confirm this payment"), failure);
        assertTrue(failure.contains("not been charged"), failure);
        assertEquals("pending", sessions.status(sessionId).path("status").asText());
        browser.screenshot("payment-3ds-failed-375");

        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "323").pay();

        assertEquals("completed", landedOnTheReturnUrl(browser, "A-4").get("status"));
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
    }

    @Test
    void withoutAReturnUrlTheCustomerGetsAReceipt(Browser browser) {
        JsonNode session = sessions.create((String) null);
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "324").pay();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("Payment successful"));
        assertTrue(browser.url().endsWith("/pay/" + sessionId), browser.url());
        assertTrue(browser.text().contains("You paid $250.00 to Browser Books."), browser.text());
        assertTrue(browser.text().contains(sessions.status(sessionId).path("transaction_id").asText()), browser.text());
        browser.screenshot("payment-receipt-375");
        browser.desktop().screenshot("payment-receipt-1280");
        browser.open(session.path("payment_url").asText());
        assertEquals("Payment successful", browser.find(By.tagName("h1")).getText(), "opening the link again");
        assertEquals(200, sessions.page(sessionId).status());
    }

    /** Waits until the browser is on the merchant's return page for this order; its query parameters. */
    private Map<String, String> landedOnTheReturnUrl(Browser browser, String order) {
        browser.await(driver -> driver.getCurrentUrl().startsWith(site.origin() + MerchantSite.RETURN_PATH));
        assertEquals("Thanks for your order", browser.find(By.tagName("h1")).getText());
        Map<String, String> query = query(URI.create(browser.url()));
        assertEquals(order, query.get("order"), "the merchant's own parameters are kept");
        return query;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
