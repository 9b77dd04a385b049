package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The 3-D Secure challenge page of a direct payment, taken in a real browser. */
@BrowserTest
class ThreeDSecureChallengeBrowserIT {
    private static final String THREE_D_SECURE_CARD = "4000000000003220";

    private final E2e e2e;
    private final E2e.TestMerchant merchant;

    ThreeDSecureChallengeBrowserIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Browser 3DS Shop");
    }

    @Test
    void customerAuthenticatesOnTheChallengePageAndIsToldItIsComplete(Browser browser) {
        String challengeUrl = threeDSecurePayment();

        browser.phone().open(challengeUrl);
        assertEquals("Confirm it's you", browser.find(By.tagName("h1")).getText());
        assertTrue(browser.text().contains("Browser 3DS Shop"), browser.text());
        assertFalse(browser.driver().getPageSource().contains(THREE_D_SECURE_CARD), "the page shows the card number");
        browser.screenshot("3ds-challenge-375");
        browser.desktop().screenshot("3ds-challenge-1280");

        browser.find(By.xpath("//button[normalize-space()='Authenticate']")).click();

        browser.await(driver -> driver.findElement(By.tagName("h1")).getText().equals("Authentication complete"));
        assertTrue(browser.text().contains("You approved the payment"), browser.text());
        browser.screenshot("3ds-authenticated-1280");
    }

    /** A USD 25.99 direct payment with the 3-D Secure test card, without a return URL; its 3ds_url. */
    private String threeDSecurePayment() {
        ObjectNode body = new ObjectMapper().createObjectNode()
                .put("amount", 2599)
                .put("currency", "USD")
                .put("payment_method", "card")
                .put("card_number", THREE_D_SECURE_CARD)
                .put("expiry_month", "12")
                .put("expiry_year", "2030")
                .put("cvv", "731");
        HttpResult created = merchant.api().post("/api/direct-payment", body);
        assertEquals(202, created.status(), created::describe);
        String url = created.data().path("action_data").path("3ds_url").asText();
        assertTrue(url.startsWith(e2e.baseUrl() + "/pay/3ds/"), created::describe);
        return url;
    }
}
