package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Settings → Branding → Logo in Chromium on a phone: the file chosen in the form goes to the upload bucket
 * (the local S3 stand-in, another origin the page's CSP allows as a form target), the browser comes back to
 * the preview, "Use this logo" keeps it, and the payment page draws it. Each page is looked at 375 and
 * 1280 px wide with the accessibility check.
 */
@BrowserTest
class BrandingLogoBrowserIT {
    private final E2e e2e;

    BrandingLogoBrowserIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void aLogoChosenInTheFormIsPreviewedUsedAndDrawnOnThePaymentPage() throws IOException {
        Path file = Files.createTempFile("logo", ".png");
        Files.write(file, TestImages.png(96, 32));
        try (Browser browser = Browser.start()) {
            DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-logo");
            dashboard.signUp("Phone Logo Bakery", DashboardVisit.uniqueEmail("logo"));
            String key = dashboard.shownSecret("new-api-key");

            dashboard.open("/dashboard/settings/branding").look("01-branding");
            dashboard.field("logo").sendKeys(file.toString());
            dashboard.press("Upload logo");

            assertTrue(dashboard.path().startsWith("/dashboard/settings/branding/logo?"), dashboard.path());
            assertTrue(dashboard.text().contains("Use it on your payment pages?"), dashboard.text());
            assertDrawn(browser.find(By.cssSelector(".preview-logo img")));
            dashboard.look("02-upload-preview");
            dashboard.press("Use this logo");

            assertEquals("Your logo has been saved. Payment pages show it from now on.", dashboard.notice());
            dashboard.look("03-logo-saved");

            String paymentUrl = e2e.api(key).post("/api/hosted-payment",
                    "{\"amount\":1200,\"currency\":\"EUR\",\"description\":\"Bread\"}").data().path("payment_url").asText();
            browser.phone().open(paymentUrl);
            WebElement logo = browser.find(By.cssSelector("img.brand-logo"));
            assertEquals("Phone Logo Bakery", logo.getAttribute("alt"));
            assertDrawn(logo);
            browser.screenshot("dashboard-logo-04-payment-page-375");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The image decoded under the page's CSP (img-src data:): a blocked or broken image has no natural width. */
    private static void assertDrawn(WebElement image) {
        assertEquals("96", image.getDomProperty("naturalWidth"), "the logo is drawn");
    }
}
