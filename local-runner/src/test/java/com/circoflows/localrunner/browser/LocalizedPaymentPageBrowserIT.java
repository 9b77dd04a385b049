package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The page in the session's language, whatever the browser prefers, down to the script's messages. */
@BrowserTest
class LocalizedPaymentPageBrowserIT {
    private final Sessions sessions;

    LocalizedPaymentPageBrowserIT(E2e e2e) {
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Tokyo Shop"));
    }

    @Test
    void aJapaneseSessionSpeaksJapaneseToAFrenchBrowserAndItsScriptDoesToo(Browser browser) {
        JsonNode session = sessions.create(Sessions.referenceExample().put("amount", 1234).put("currency", "JPY")
                .put("locale", "ja"));
        assertEquals("ja", session.path("locale").asText(), session::toString);
        browser.acceptLanguage("fr-FR,fr;q=0.9");
        CheckoutPage page = CheckoutPage.open(browser.phone(), session.path("payment_url").asText());

        assertEquals("ja", browser.find(By.tagName("html")).getAttribute("lang"));
        assertEquals("￥1,234", page.amount());
        assertEquals("カード番号", browser.find(By.cssSelector("label[for=card_number]")).getText());

        page.pay();

        browser.await(driver -> !driver.findElement(By.id("error-summary")).getText().isEmpty());
        assertTrue(browser.find(By.id("error-summary")).getText().contains("カード番号を入力してください。"),
                browser.find(By.id("error-summary")).getText());
        browser.screenshot("payment-form-ja-375");
    }
}
