package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person using the merchant dashboard in a {@link Browser}: opens pages, fills the labelled fields
 * (the dashboard names each input {@code f-<name>}), presses buttons and links by their visible text,
 * and {@link #look(String) looks} at each page on a phone and on a laptop, each time a screenshot and
 * axe-core's check.
 */
final class DashboardVisit {
    /** Long enough for the password policy, not a common password. */
    static final String PASSWORD = "walk the long garden path 7";

    private final Browser browser;
    private final String baseUrl;
    private final String screenshotPrefix;

    DashboardVisit(Browser browser, String baseUrl, String screenshotPrefix) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.screenshotPrefix = screenshotPrefix;
    }

    /** An email address no other test (or run against the same runner) has signed up with. */
    static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    Browser browser() {
        return browser;
    }

    DashboardVisit open(String path) {
        browser.open(baseUrl + path);
        return this;
    }

    String path() {
        String url = browser.url();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    DashboardVisit type(String field, String text) {
        WebElement input = field(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    WebElement field(String name) {
        return browser.find(By.id("f-" + name));
    }

    /** Presses the button with this text and waits for the page it leads to. */
    DashboardVisit press(String buttonText) {
        WebElement button = browser.find(By.xpath("//button[normalize-space()='" + buttonText + "']"));
        button.click();
        browser.awaitLeaving(button);
        return this;
    }

    /** Follows the link with this text (in the navigation or the page) and waits for the page it leads to. */
    DashboardVisit follow(String linkText) {
        WebElement link = browser.find(By.xpath("//a[normalize-space()='" + linkText + "']"));
        link.click();
        browser.awaitLeaving(link);
        return this;
    }

    DashboardVisit signUp(String businessName, String email) {
        return open("/dashboard/signup").type("business_name", businessName).type("email", email)
                .type("password", PASSWORD).press("Create account");
    }

    DashboardVisit signIn(String email) {
        return open("/dashboard/login").type("email", email).type("password", PASSWORD).press("Sign in");
    }

    String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    String text() {
        return browser.text();
    }

    /** The page's notice (what the last change did), or "" when it has none. */
    String notice() {
        List<WebElement> notices = browser.findAll(By.cssSelector("p.notice"));
        return notices.isEmpty() ? "" : notices.get(0).getText();
    }

    /**
     * What the page's Copy button beside the {@code data-copy} element labelled {@code label} puts on the
     * clipboard (the browser is let use the clipboard for the dashboard's origin first).
     */
    String copy(String label) {
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement button = browser.find(By.cssSelector("button[aria-label='Copy " + label + "']"));
        button.click();
        browser.await(driver -> "Copied".equals(button.getText()));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return (String) browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('clipboard: ' + e); });");
    }

    /** A value the page shows once, by the element's id (new-api-key, signing-secret). */
    String shownSecret(String id) {
        return browser.find(By.id(id)).getText().strip();
    }

    /**
     * The page at 375 px, then at 1280 px: a whole-page screenshot of each under target/screenshots
     * ({prefix}-{name}-375.png, {prefix}-{name}-1280.png) and axe-core's WCAG A/AA check of each, which
     * fails the test on a serious or critical violation. The browser is left at desktop size.
     */
    DashboardVisit look(String name) {
        String phone = screenshotPrefix + "-" + name + "-" + Browser.PHONE_WIDTH;
        browser.phone().screenshot(phone);
        Object width = browser.driver().executeScript("return document.documentElement.scrollWidth;");
        assertEquals((long) Browser.PHONE_WIDTH, ((Number) width).longValue(),
                phone + ": something is wider than the phone, so the whole page scrolls sideways");
        Accessibility.check(browser.driver(), phone);
        String desktop = screenshotPrefix + "-" + name + "-" + Browser.DESKTOP_WIDTH;
        browser.desktop().screenshot(desktop);
        Accessibility.check(browser.driver(), desktop);
        return this;
    }
}
