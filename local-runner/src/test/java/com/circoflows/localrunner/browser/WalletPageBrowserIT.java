package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Test mode's wallet buttons on the hosted payment page, in Chromium: the customer of a test-mode session
 * presses "pay with a test Google Pay token", the page's server mints a genuine token for the test card chosen
 * and pays it exactly as a real wallet's token (verified, decrypted, claimed, charged), and the receipt
 * follows. Also with the declined and the 3-D Secure test cards, at phone width, and without JavaScript.
 */
@BrowserTest
class WalletPageBrowserIT {

    private final E2e e2e;
    private final E2e.TestMerchant merchant;
    private final Sessions sessions;

    WalletPageBrowserIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Browser Wallet Shop");
        this.sessions = new Sessions(e2e, merchant);
    }

    @Test
    void theTestGooglePayButtonPaysTheSessionAndTheTransactionShowsTheWalletsCard(Browser browser) {
        JsonNode session = sessions.create((String) null);
        String sessionId = session.path("session_id").asText();
        CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        WebElement button = browser.find(By.id("test-google-pay"));
        assertEquals("Test mode: pay with a test Google Pay token", button.getText());
        assertEquals("Test mode: wallets", browser.find(By.id("test-wallets-title")).getText());
        assertUsableAtPhoneWidth(button);
        assertUsableAtPhoneWidth(browser.find(By.id("test_card")));
        assertEquals("4242: payment succeeds",
                new Select(browser.find(By.id("test_card"))).getFirstSelectedOption().getText());
        assertFalse(CardNumberDetector.containsCardNumber(browser.driver().getPageSource()),
                "test cards are named by their last four digits");
        assertNoSidewaysScrolling(browser);
        browser.screenshot("payment-test-wallets-375");
        Accessibility.check(browser.driver(), "payment-test-wallets-375");

        button.click();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("Payment successful"));
        assertTrue(browser.url().endsWith("/pay/" + sessionId), browser.url());
        assertTrue(browser.text().contains("You paid $250.00 to Browser Wallet Shop."), browser.text());
        browser.screenshot("payment-test-wallet-paid-375");
        Accessibility.check(browser.driver(), "payment-test-wallet-paid-375");
        JsonNode status = sessions.status(sessionId);
        assertEquals("completed", status.path("status").asText(), status::toString);
        String transactionId = status.path("transaction_id").asText();
        JsonNode transaction = transaction(transactionId);
        assertEquals("completed", transaction.path("status").asText(), transaction::toString);
        assertEquals("google_pay", transaction.path("wallet").asText(), transaction::toString);
        assertEquals("google_pay", transaction.path("payment_method").asText(), transaction::toString);
        assertEquals("visa", transaction.path("card").path("brand").asText(), transaction::toString);
        assertEquals("4242", transaction.path("card").path("last4").asText(), transaction::toString);
        assertEquals(sessionId, transaction.path("session_id").asText(), transaction::toString);
        assertEquals(1, sessions.transactionsOf(sessionId).size());
    }

    @Test
    void theDeclinedTestCardShowsTheDeclineAndTheSessionStaysPayable(Browser browser) {
        JsonNode session = sessions.create((String) null);
        String sessionId = session.path("session_id").asText();
        CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        new Select(browser.find(By.id("test_card"))).selectByValue("declined");
        browser.find(By.id("test-google-pay")).click();

        CheckoutPage page = CheckoutPage.on(browser);
        String failure = page.awaitFailure();
        assertTrue(failure.contains("Your card was declined. Try another card."), failure);
        assertEquals("pending", sessions.status(sessionId).path("status").asText());
        Map<String, AttributeValue> declined = onlyTransactionOf(sessionId);
        assertEquals("failed", declined.get("status").s(), declined::toString);
        assertNoSidewaysScrolling(browser);
        browser.screenshot("payment-test-wallet-declined-375");
        Accessibility.check(browser.driver(), "payment-test-wallet-declined-375");

        browser.find(By.id("test-google-pay")).click();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("Payment successful"));
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
    }

    @Test
    void theThreeDSecureTestCardIsACardOnFileThatTakesTheChallenge(Browser browser) {
        JsonNode session = sessions.create((String) null);
        String sessionId = session.path("session_id").asText();
        CheckoutPage.open(browser.desktop(), session.path("payment_url").asText());

        new Select(browser.find(By.id("test_card"))).selectByValue("three_d_secure");
        browser.find(By.id("test-google-pay")).click();

        browser.await(driver -> driver.getCurrentUrl().contains("/pay/3ds/txn_"));
        assertEquals("Confirm it's you", browser.find(By.tagName("h1")).getText());
        browser.find(By.xpath("//button[normalize-space()='Authenticate']")).click();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("Payment successful"));
        JsonNode transaction = transaction(sessions.status(sessionId).path("transaction_id").asText());
        assertEquals("authenticated", transaction.path("three_d_secure").asText(), transaction::toString);
        assertEquals("google_pay", transaction.path("wallet").asText(), transaction::toString);
        assertEquals("3220", transaction.path("card").path("last4").asText(), transaction::toString);
    }

    @Test
    void withoutJavaScriptTheTestButtonStillPays() {
        JsonNode session = sessions.create((String) null);
        String sessionId = session.path("session_id").asText();
        try (Browser browser = Browser.start(false)) {
            browser.phone().open(session.path("payment_url").asText());
            WebElement button = browser.find(By.id("test-google-pay"));
            assertUsableAtPhoneWidth(button);
            browser.screenshot("payment-test-wallets-nojs-375");

            button.click();
            browser.awaitLeaving(button);

            assertEquals("Payment successful", browser.find(By.tagName("h1")).getText());
        }
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
    }

    /** GET /api/direct-payment/{id} as the merchant's server sends it, held to docs/openapi.yaml by the API client. */
    private JsonNode transaction(String transactionId) {
        HttpResult response = merchant.api().status(transactionId);
        assertEquals(200, response.status(), response::describe);
        assertFalse(CardNumberDetector.containsCardNumber(response.body()), "no card number in the answer");
        return response.data();
    }

    private Map<String, AttributeValue> onlyTransactionOf(String sessionId) {
        List<Map<String, AttributeValue>> stored = sessions.transactionsOf(sessionId);
        assertEquals(1, stored.size(), stored::toString);
        return stored.get(0);
    }

    /** Shown, wholly inside the 375 px viewport's width, and at least 44 px tall: a thumb can press it. */
    private static void assertUsableAtPhoneWidth(WebElement element) {
        assertTrue(element.isDisplayed() && element.isEnabled(), element::toString);
        Rectangle box = element.getRect();
        assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= Browser.PHONE_WIDTH, "inside 375 px: " + box);
        assertTrue(box.getHeight() >= 44, "tall enough to tap: " + box.getHeight());
    }

    private static void assertNoSidewaysScrolling(Browser browser) {
        Number width = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.driver().executeScript("return window.innerWidth");
        assertTrue(width.intValue() <= viewport.intValue(), "no sideways scrolling: " + width + " > " + viewport);
    }
}
