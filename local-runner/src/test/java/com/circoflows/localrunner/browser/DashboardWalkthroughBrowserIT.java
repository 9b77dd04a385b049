package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A new merchant's first hour in the dashboard, in Chromium: sign up, the first key, another key,
 * a payment through the API with that key, webhooks to its own endpoint, finding the payment and
 * refunding part of it, signing out. Every page is looked at on a phone and on a laptop (screenshots
 * under target/screenshots/dashboard-NN-*.png, and axe-core's WCAG A/AA check).
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardWalkthroughBrowserIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final E2e e2e;
    private final WebhookReceiver endpoint = WebhookReceiver.start();

    DashboardWalkthroughBrowserIT(E2e e2e) {
        this.e2e = e2e;
    }

    @AfterAll
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void newMerchantSignsUpTakesAPaymentWithItsOwnKeyGetsItsWebhooksAndRefundsPartOfItFromThePaymentsPage(
            Browser browser) {
        DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard");
        String email = DashboardVisit.uniqueEmail("walkthrough");

        // Sign-up, and the first test key shown once.
        dashboard.open("/dashboard/signup");
        assertEquals("Create your CircoFlows account", dashboard.heading());
        dashboard.look("01-signup");
        dashboard.type("business_name", "Walkthrough Coffee").type("email", email).type("password",
                DashboardVisit.PASSWORD).press("Create account");
        assertEquals("Welcome to CircoFlows", dashboard.heading());
        assertTrue(dashboard.text().contains("Walkthrough Coffee"), dashboard.text());
        String firstKey = dashboard.shownSecret("new-api-key");
        assertTrue(firstKey.startsWith("cf_test_"), "a test key is shown");
        assertEquals(200, e2e.api(firstKey).health().status(), "the key copied from the page works");
        String signingSecret = browser.find(By.cssSelector("code.secret[data-copy='signing secret']")).getText().strip();
        assertTrue(signingSecret.startsWith("whsec_"), "the webhook signing secret is shown");
        assertEquals(firstKey, dashboard.copy("API key"), "the page's Copy button copies the key");
        dashboard.look("02-welcome");

        // Settings → API keys: another key, named, shown once.
        dashboard.follow("Go to your dashboard").follow("API keys");
        assertEquals("API keys", dashboard.heading());
        dashboard.look("03-api-keys");
        dashboard.type("name", "checkout server").press("Generate new key");
        assertEquals("Your new test API key", dashboard.heading());
        String checkoutKey = dashboard.shownSecret("new-api-key");
        assertTrue(checkoutKey.startsWith("cf_test_"), "a test key is shown");
        assertNotEquals(firstKey, checkoutKey);
        dashboard.look("04-new-api-key");
        dashboard.follow("Back to API keys");
        assertTrue(dashboard.text().contains("checkout server"), dashboard.text());
        assertFalse(browser.driver().getPageSource().contains(checkoutKey), "a key is shown only when it is made");

        // Settings → Webhooks: the merchant's endpoint, its signing secret, a test event in the log.
        dashboard.follow("Webhooks");
        dashboard.type("url", endpoint.url("/circoflows")).press("Save URL");
        assertEquals("The webhook URL has been saved.", dashboard.notice());
        assertEquals(endpoint.url("/circoflows"), dashboard.field("url").getAttribute("value"));
        dashboard.type("password", DashboardVisit.PASSWORD).press("Reveal secret");
        assertEquals(signingSecret, dashboard.shownSecret("signing-secret"), "the secret shown at sign-up");
        dashboard.look("05-webhooks-secret");
        dashboard.press("Send test event");
        assertTrue(dashboard.notice().contains("A test event is on its way"), dashboard.notice());
        endpoint.awaitReceived("the test event", DELIVERY,
                received -> received.stream().anyMatch(r -> r.body().contains("webhook.test")));
        awaitOnReload(dashboard, () -> rowOf(browser, "webhook.test").contains("delivered"));
        dashboard.look("06-webhooks-event-log");
        browser.find(By.xpath("//tr[td/code[normalize-space()='webhook.test']]//a")).click();
        browser.await(driver -> driver.getCurrentUrl().contains("/dashboard/settings/webhooks/events/evt_"));
        assertTrue(dashboard.text().contains("HTTP 200"), dashboard.text());
        assertTrue(dashboard.text().contains(endpoint.url("/circoflows")), dashboard.text());
        dashboard.look("07-webhook-event");

        // A card payment through the API with the new key.
        String orderId = "WALK-" + UUID.randomUUID().toString().substring(0, 8);
        String customerEmail = DashboardVisit.uniqueEmail("coffee.lover");
        ObjectNode payment = Payments.card(Payments.SUCCESS, "123", 2500);
        payment.putObject("customer_info").put("name", "Jo Bloggs").put("email", customerEmail);
        payment.putObject("metadata").put("order_id", orderId);
        HttpResult paid = e2e.api(checkoutKey).pay(payment);
        assertEquals(200, paid.status(), paid::describe);
        JsonNode transaction = paid.data();
        String transactionId = transaction.path("transaction_id").asText();
        assertEquals("completed", transaction.path("status").asText(), paid::describe);
        ObjectNode other = Payments.card(Payments.MASTERCARD, "456", 990);
        other.putObject("customer_info").put("email", DashboardVisit.uniqueEmail("someone.else"));
        other.putObject("metadata").put("order_id", orderId + "-OTHER");
        assertEquals(200, e2e.api(checkoutKey).pay(other).status(), "another payment, which no search below finds");
        endpoint.awaitReceived("the payment's event", DELIVERY,
                received -> received.stream().anyMatch(r -> r.body().contains(transactionId)));

        // Payments: the list and its searches (last 4, email, metadata) all find it.
        dashboard.follow("Payments");
        assertEquals("Payments", dashboard.heading());
        assertTrue(rowOf(browser, transactionId).contains("25.00"), rowOf(browser, transactionId));
        assertEquals(2, browser.findAll(By.cssSelector("tbody tr")).size(), dashboard.text());
        dashboard.look("08-payments");
        for (String search : List.of("4242", customerEmail, "order_id:" + orderId)) {
            dashboard.type("q", search).press("Filter");
            assertTrue(dashboard.path().contains("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)), dashboard.path());
            assertEquals(1, browser.findAll(By.cssSelector("tbody tr")).size(), "searching " + search + ": " + dashboard.text());
            assertTrue(rowOf(browser, transactionId).contains(customerEmail), "searching " + search);
        }
        dashboard.look("09-payments-search");
        dashboard.type("q", "0000").press("Filter");
        assertTrue(dashboard.text().contains("No payments match."), dashboard.path() + ": " + dashboard.text());

        // The payment's page: details, timeline, webhook deliveries.
        dashboard.type("q", "order_id:" + orderId).press("Filter");
        dashboard.follow(transactionId);
        assertTrue(dashboard.path().endsWith("/dashboard/payments/" + transactionId), dashboard.path());
        assertTrue(dashboard.heading().contains("25.00 USD"), dashboard.heading());
        assertTrue(dashboard.heading().contains("completed"), dashboard.heading());
        assertTrue(section(browser, "Timeline").contains("Payment created"), section(browser, "Timeline"));
        assertTrue(section(browser, "Timeline").contains("Authorised and captured"), section(browser, "Timeline"));
        assertTrue(section(browser, "Metadata").contains(orderId));
        assertTrue(section(browser, "Customer").contains(customerEmail));
        awaitOnReload(dashboard, () -> section(browser, "Webhook deliveries").contains("HTTP 200"));
        dashboard.look("10-payment");

        // A partial refund from the payment's page.
        dashboard.type("amount", "10.00");
        new org.openqa.selenium.support.ui.Select(dashboard.field("reason")).selectByValue("requested_by_customer");
        dashboard.press("Refund");
        assertEquals("The refund has been made.", dashboard.notice());
        assertTrue(dashboard.heading().contains("partially refunded"), dashboard.heading());
        assertTrue(section(browser, "Details").contains("10.00 USD"), section(browser, "Details"));
        assertTrue(section(browser, "Timeline").contains("Refund of 10.00 USD succeeded"), section(browser, "Timeline"));
        assertTrue(dashboard.text().contains("Up to 15.00 USD"), "what is left to refund: " + dashboard.text());
        JsonNode refunded = e2e.api(checkoutKey).status(transactionId).data();
        assertEquals("partially_refunded", refunded.path("status").asText(), refunded::toString);
        assertEquals(1000, refunded.path("amount_refunded").asLong(), refunded::toString);
        dashboard.look("11-payment-refunded");

        // Signing out ends the session.
        dashboard.press("Sign out");
        assertTrue(dashboard.path().startsWith("/dashboard/login"), dashboard.path());
        assertEquals("You have signed out.", dashboard.notice());
        dashboard.look("12-signed-out");
        dashboard.open("/dashboard/payments/" + transactionId);
        assertTrue(dashboard.path().startsWith("/dashboard/login"), "signed out: " + dashboard.path());
    }

    /** The text of the table row that mentions {@code text} (a payment id, an event type); "" when none does. */
    static String rowOf(Browser browser, String text) {
        List<WebElement> rows = browser.findAll(By.xpath("//tr[contains(., '" + text + "')]"));
        return rows.isEmpty() ? "" : rows.get(0).getText();
    }

    /** The text of the panel headed {@code heading} on a payment's page. */
    static String section(Browser browser, String heading) {
        return browser.find(By.xpath("//*[contains(@class,'panel')][h2[normalize-space()='" + heading + "']]")).getText();
    }

    /** Reloads the page until the condition holds: deliveries happen beside the page, in the queue's time. */
    static void awaitOnReload(DashboardVisit dashboard, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not shown after " + DELIVERY.toSeconds() + " s of reloading " + dashboard.path()
                        + ": " + dashboard.text());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            dashboard.browser().driver().navigate().refresh();
        }
    }
}
