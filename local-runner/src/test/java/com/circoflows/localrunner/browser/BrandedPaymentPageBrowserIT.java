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

/** A merchant's branding, set through PUT /api/branding, as a customer's browser shows it. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrandedPaymentPageBrowserIT {
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    BrandedPaymentPageBrowserIT(E2e e2e) {
        E2e.TestMerchant merchant = e2e.newMerchant("Browser Branded Shop Ltd");
        HttpResult saved = merchant.api().call("PUT", "/api/branding", "{\"display_name\":\"Amber Coffee\","
                + "\"brand_color\":\"#D97706\",\"accent_color\":\"#6b2fa3\",\"button_style\":\"pill\"}");
        assertEquals(200, saved.status(), saved::describe);
        this.sessions = new Sessions(e2e, merchant);
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void thePaymentPageAndTheChallengeShowTheDisplayNameColoursAndPillButtons(Browser browser) {
        JsonNode session = sessions.create(site.returnUrl("B-1"));
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        assertEquals("Amber Coffee", browser.find(By.className("merchant-name")).getText());
        assertTrue(browser.driver().getTitle().contains("Amber Coffee"), browser.driver().getTitle());
        assertEquals("rgba(217, 119, 6, 1)", page.button().getCssValue("background-color"));
        assertEquals("rgba(17, 17, 17, 1)", page.button().getCssValue("color"), "near-black on amber");
        assertEquals("999px", page.button().getCssValue("border-top-left-radius"));
        assertEquals("rgba(107, 47, 163, 1)", browser.find(By.className("logo")).getCssValue("background-color"));
        browser.screenshot("payment-branded-375");

        page.enterCard(CheckoutPage.THREE_D_SECURE, CheckoutPage.EXPIRY, "341").pay();

        browser.await(driver -> driver.getCurrentUrl().contains("/pay/3ds/"));
        assertTrue(browser.text().contains("Amber Coffee"), browser.text());
        assertEquals("rgba(217, 119, 6, 1)", browser.find(By.cssSelector("button.primary"))
                .getCssValue("background-color"));
        browser.screenshot("3ds-branded-375");
    }
}
