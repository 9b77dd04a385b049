package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Five declines pause the session: a phone without JavaScript is told so, and until when, and nothing more is charged. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PausedSessionBrowserIT {
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    PausedSessionBrowserIT(E2e e2e) {
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Paused Shop"));
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void afterFiveDeclinesAPhoneWithoutScriptIsToldThePaymentIsPausedUntilWhen() {
        JsonNode session = sessions.create(site.returnUrl("P-1"));
        String sessionId = session.path("session_id").asText();
        try (Browser browser = Browser.start(false)) {
            browser.phone().open(session.path("payment_url").asText());
            for (int i = 0; i < 5; i++) {
                CheckoutPage page = CheckoutPage.on(browser);
                WebElement leaving = page.button();
                page.enterCard(CheckoutPage.DECLINED, CheckoutPage.EXPIRY, Integer.toString(341 + i));
                page.pay();
                browser.awaitLeaving(leaving);
            }

            assertEquals("Too many attempts to pay", browser.find(By.tagName("h1")).getText());
            WebElement alert = browser.find(By.cssSelector("[role=alert]"));
            assertTrue(alert.getText().matches("For your security, paying \\$250\\.00 to Browser Paused Shop is paused "
                    + "until .+ UTC \\(about 1[45] minutes\\)\\. You have not been charged\\."), alert.getText());
            assertTrue(browser.findAll(By.id("checkout-form")).isEmpty(), "nothing to submit while paused");
            Number pageWidth = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertTrue(pageWidth.intValue() <= Browser.PHONE_WIDTH, "no sideways scrolling on a phone: " + pageWidth);
            browser.screenshot("payment-paused-375");
            browser.find(By.linkText("Back to the payment page")).click();
            assertEquals("Too many attempts to pay", browser.find(By.tagName("h1")).getText(), "still paused");
        }
        assertEquals(5, sessions.transactionsOf(sessionId).size(), "the five declines, nothing after them");
        HttpResult reopened = sessions.page(sessionId);
        assertEquals(429, reopened.status(), reopened::describe);
        assertEquals("pending", sessions.status(sessionId).path("status").asText());
    }
}
