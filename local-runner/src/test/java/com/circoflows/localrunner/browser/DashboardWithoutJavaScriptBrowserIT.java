package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's promise that every action is a link or a form: its core path in a Chromium that runs
 * no script at all, on a phone.
 */
@BrowserTest
class DashboardWithoutJavaScriptBrowserIT {
    private final E2e e2e;

    DashboardWithoutJavaScriptBrowserIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void signUpTheFirstKeyThePaymentsPageAndARefundAllWorkWithJavaScriptOff() {
        try (Browser browser = Browser.start(false)) {
            browser.phone();
            DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-nojs");

            dashboard.signUp("No Script Books", DashboardVisit.uniqueEmail("noscript"));

            assertEquals("Welcome to CircoFlows", dashboard.heading());
            String key = dashboard.shownSecret("new-api-key");
            assertTrue(key.startsWith("cf_test_"), "the first test key is shown");
            assertTrue(browser.findAll(By.xpath("//button[normalize-space()='Copy']")).isEmpty(),
                    "no script ran, so no copy button: the key is there to select");
            browser.screenshot("dashboard-nojs-01-welcome-375");

            HttpResult paid = e2e.api(key).pay(Payments.card(Payments.SUCCESS, "321", 4000));
            assertEquals(200, paid.status(), paid::describe);
            String transactionId = paid.data().path("transaction_id").asText();

            dashboard.follow("Go to your dashboard");
            assertEquals("Payments", dashboard.heading());
            assertTrue(DashboardWalkthroughBrowserIT.rowOf(browser, transactionId).contains("40.00 USD"), dashboard.text());
            dashboard.type("q", "4242").press("Filter");
            assertEquals(1, browser.findAll(By.cssSelector("tbody tr")).size(), dashboard.text());
            browser.screenshot("dashboard-nojs-02-payments-375");

            dashboard.follow(transactionId);
            assertTrue(dashboard.heading().contains("completed"), dashboard.heading());
            dashboard.type("amount", "15").press("Refund");

            assertEquals("The refund has been made.", dashboard.notice());
            assertTrue(dashboard.heading().contains("partially refunded"), dashboard.heading());
            assertTrue(DashboardWalkthroughBrowserIT.section(browser, "Timeline").contains("Refund of 15.00 USD succeeded"),
                    dashboard.text());
            browser.screenshot("dashboard-nojs-03-refunded-375");
            assertEquals(1500, e2e.api(key).status(transactionId).data().path("amount_refunded").asLong());
        }
    }
}
