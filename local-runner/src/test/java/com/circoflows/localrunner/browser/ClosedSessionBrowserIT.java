package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.Eventually;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/** Sessions that can no longer be paid get a clear page (410) that says why and what to do. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedSessionBrowserIT {
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    ClosedSessionBrowserIT(E2e e2e) {
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Closed Shop"));
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void sessionThatExpiresWhileTheCustomerTypesShowsAnExpiredPageAndChargesNothing(Browser browser) {
        JsonNode session = sessions.createExpiringIn(4, site.returnUrl("C-1"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());
        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "331");
        Eventually.until("the session shown expired once its expires_at has passed", Duration.ofSeconds(15),
                () -> sessions.status(sessionId).path("status").asText(), "expired"::equals);

        page.pay();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("This payment link has expired"));
        assertTrue(browser.text().contains("You have not been charged"), browser.text());
        assertTrue(browser.text().contains("go back to Browser Closed Shop and start again"), browser.text());
        assertEquals(0, sessions.transactionsOf(sessionId).size(), "nothing was charged");
        assertEquals("expired", sessions.status(sessionId).path("status").asText());
        HttpResult reopened = sessions.page(sessionId);
        assertEquals(410, reopened.status(), reopened::describe);
        browser.screenshot("payment-expired-375");
        browser.open(session.path("payment_url").asText()).desktop().screenshot("payment-expired-1280");
        assertEquals("This payment link has expired", browser.find(By.tagName("h1")).getText());

        browser.find(By.linkText("Return to Browser Closed Shop")).click();

        browser.await(driver -> driver.getCurrentUrl().startsWith(site.origin() + MerchantSite.RETURN_PATH));
        assertEquals("expired", HostedPaymentBrowserIT.query(java.net.URI.create(browser.url())).get("status"));
    }

    @Test
    void sessionTheMerchantCancelsShowsACancelledPage(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("C-2"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());
        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "332");
        HttpResult cancelled = sessions.cancel(sessionId);
        assertEquals(200, cancelled.status(), cancelled::describe);

        page.pay();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("This payment was cancelled"));
        assertTrue(browser.text().contains("Browser Closed Shop cancelled this request to pay $250.00"), browser.text());
        assertTrue(browser.text().contains("You have not been charged"), browser.text());
        assertEquals(0, sessions.transactionsOf(sessionId).size(), "nothing was charged");
        HttpResult reopened = sessions.page(sessionId);
        assertEquals(410, reopened.status(), reopened::describe);
        browser.screenshot("payment-cancelled-375");
        browser.open(session.path("payment_url").asText()).desktop().screenshot("payment-cancelled-1280");
    }

    @Test
    void unknownSessionIsANotFoundPage(Browser browser) {
        browser.open(sessions.page("sess_000000000000000000000000").uri().toString());

        assertEquals("We can't find this payment", browser.find(By.tagName("h1")).getText());
        assertEquals(404, sessions.page("sess_000000000000000000000000").status());
        assertEquals(404, sessions.page("sess_bad").status());
    }
}
