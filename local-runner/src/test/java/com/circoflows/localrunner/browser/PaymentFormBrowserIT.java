package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The form itself: what the script adds, and that the page works as well without it. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentFormBrowserIT {
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    PaymentFormBrowserIT(E2e e2e) {
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Form Shop"));
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void mistakesAreFlaggedAsTheCustomerTypesAndNothingIsSentUntilTheyAreFixed(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("F-1"));
        String sessionId = session.path("session_id").asText();
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        page.type("card_number", "4242 4242 4242 4241").field("card_number").sendKeys(Keys.TAB);

        assertEquals("Your card number is invalid. Check it and try again.", page.errorOf("card_number"));
        assertEquals("true", page.field("card_number").getAttribute("aria-invalid"));
        assertTrue(page.field("card_number").getAttribute("aria-describedby").contains("card_number-error"));

        page.type("cvc", "12").pay();

        WebElement summary = browser.find(By.id("error-summary"));
        assertTrue(summary.isDisplayed());
        assertEquals("alert", summary.getAttribute("role"));
        assertEquals("error-summary", browser.driver().switchTo().activeElement().getAttribute("id"),
                "the summary takes focus so it is read out");
        List<String> listed = summary.findElements(By.tagName("a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Your card number is invalid. Check it and try again.",
                "Enter the expiry date, as MM / YY.", "Enter the 3-digit code from the back of your card."),
                listed);
        assertEquals("Enter the expiry date, as MM / YY.", page.errorOf("expiry"));
        assertTrue(browser.url().endsWith("/pay/" + sessionId), "still on the page: " + browser.url());
        assertEquals(0, sessions.transactionsOf(sessionId).size(), "nothing was sent");
        browser.screenshot("payment-inline-errors-375");

        summary.findElement(By.linkText("Enter the expiry date, as MM / YY.")).click();
        assertEquals("expiry", browser.driver().switchTo().activeElement().getAttribute("id"),
                "a summary link takes the customer to the field");
        page.type("card_number", CheckoutPage.SUCCESS);
        assertEquals("", page.errorOf("card_number"), "the error goes once the number is right");
        page.type("expiry", "1230").type("cvc", "351");
        assertEquals("12 / 30", page.field("expiry").getAttribute("value"));

        page.pay();

        browser.await(driver -> driver.getCurrentUrl().startsWith(site.origin() + MerchantSite.RETURN_PATH));
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
    }

    @Test
    void cardNumberIsGroupedAsTypedIncludingAmexFourSixFive(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("F-2"));
        CheckoutPage page = CheckoutPage.open(browser, session.path("payment_url").asText());

        page.type("card_number", "4242424242424242");
        assertEquals("4242 4242 4242 4242", page.field("card_number").getAttribute("value"));

        page.type("card_number", "378282246310005");
        assertEquals("3782 822463 10005", page.field("card_number").getAttribute("value"));
        page.type("cvc", "123").field("cvc").sendKeys(Keys.TAB);
        assertEquals("Enter the 4-digit code from the front of your card.", page.errorOf("cvc"));

        page.type("cvc", "12a34");
        assertEquals("1234", page.field("cvc").getAttribute("value"), "only digits");
    }

    @Test
    void payButtonIsDisabledOnceTheFormIsSubmittedSoItCannotBeSentTwice(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("F-3"));
        CheckoutPage page = CheckoutPage.open(browser, session.path("payment_url").asText());
        page.enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "352");

        // Fire the form's submit handler without letting the submission leave, to look at the button.
        browser.driver().executeScript("var form=document.getElementById('checkout-form');"
                + "form.addEventListener('submit',function(e){e.preventDefault();});"
                + "form.dispatchEvent(new Event('submit',{cancelable:true}));");

        assertFalse(page.button().isEnabled());
        assertEquals("true", page.button().getAttribute("aria-busy"));
        assertEquals("Processing…", page.button().getText());
        assertEquals(0, sessions.transactionsOf(session.path("session_id").asText()).size());
    }

    @Test
    void theWholePaymentWorksWithoutJavaScript() {
        JsonNode session = sessions.create(site.returnUrl("F-4"));
        String sessionId = session.path("session_id").asText();
        try (Browser browser = Browser.start(false)) {
            CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

            page.enterCard("4242424242424242", "12/30", "35").pay();

            page = CheckoutPage.on(browser);
            assertEquals("Enter the 3-digit code from the back of your card.", page.awaitErrorOf("cvc"));
            assertTrue(browser.find(By.id("error-summary")).isDisplayed());
            assertEquals("", page.field("card_number").getAttribute("value"), "the number is never sent back");
            assertEquals("12/30", page.field("expiry").getAttribute("value"), "a valid expiry is kept");
            assertEquals(0, sessions.transactionsOf(sessionId).size());
            browser.screenshot("payment-server-errors-375");

            page.type("card_number", "4242424242424242").type("cvc", "353").pay();

            browser.await(driver -> driver.getCurrentUrl().startsWith(site.origin() + MerchantSite.RETURN_PATH));
            assertEquals("completed", HostedPaymentBrowserIT.query(URI.create(browser.url())).get("status"));
        }
        assertEquals("completed", sessions.status(sessionId).path("status").asText());
    }

    @Test
    void amountIsShownTheWayTheCustomersLanguageWritesIt(Browser browser) {
        ObjectNode euros = Sessions.referenceExample().put("amount", 123456).put("currency", "EUR");
        ObjectNode yen = Sessions.referenceExample().put("amount", 5000).put("currency", "JPY");
        String euroUrl = sessions.create(euros).path("payment_url").asText();
        String yenUrl = sessions.create(yen).path("payment_url").asText();

        browser.acceptLanguage("de-DE,de;q=0.9,en;q=0.8");
        CheckoutPage german = CheckoutPage.open(browser, euroUrl);
        assertEquals("1.234,56 €", german.amount().replace('\u00a0', ' '));
        assertEquals("1.234,56 € bezahlen", german.button().getText().replace('\u00a0', ' '), "the page speaks German");
        browser.screenshot("payment-form-de-1280");

        browser.acceptLanguage("en-US,en;q=0.9");
        assertEquals("¥5,000", CheckoutPage.open(browser, yenUrl).amount());
        assertEquals("€1,234.56", CheckoutPage.open(browser, euroUrl).amount());
    }
}
