package com.circoflows.localrunner.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The hosted payment page's card form, as a customer uses it. */
final class CheckoutPage {
    /** Test cards as people type them (the page's script groups them anyway). */
    static final String SUCCESS = "4242 4242 4242 4242";
    static final String DECLINED = "4000 0000 0000 0002";
    static final String THREE_D_SECURE = "4000 0000 0000 3220";
    static final String EXPIRY = "12 / 30";

    private final Browser browser;

    private CheckoutPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the payment URL and waits for the form. */
    static CheckoutPage open(Browser browser, String paymentUrl) {
        browser.open(paymentUrl);
        return on(browser);
    }

    /** The form the browser shows now. */
    static CheckoutPage on(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("checkout-form")));
        return new CheckoutPage(browser);
    }

    WebElement field(String id) {
        return browser.find(By.id(id));
    }

    /** Types a card into the empty card fields (email and name are pre-filled from the session). */
    CheckoutPage enterCard(String number, String expiry, String cvc) {
        type("card_number", number);
        type("expiry", expiry);
        type("cvc", cvc);
        return this;
    }

    CheckoutPage type(String id, String text) {
        WebElement input = field(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        return this;
    }

    /** Presses the Pay button (the browser then follows the answer). */
    void pay() {
        button().click();
    }

    WebElement button() {
        return browser.find(By.id("pay-button"));
    }

    String amount() {
        return browser.find(By.cssSelector(".summary .amount")).getText();
    }

    /** Why the last attempt failed, as the page says it, or "" when it says nothing. */
    String failure() {
        List<WebElement> notice = browser.findAll(By.id("payment-failure"));
        return notice.isEmpty() ? "" : notice.get(0).getText();
    }

    /**
     * Waits for the page that says why the attempt failed, and returns what it says. After pay() the
     * form being left is still there until the next page arrives, so reading at once may read the old one.
     */
    String awaitFailure() {
        return browser.await(driver -> {
            String failure = failure();
            return failure.isEmpty() ? null : failure;
        });
    }

    /** Waits for the page that shows an error under the field (the form being left shows none), and returns it. */
    String awaitErrorOf(String id) {
        return browser.await(driver -> {
            String error = errorOf(id);
            return error.isEmpty() ? null : error;
        });
    }

    /** The error shown under a field, or "" when none is shown. */
    String errorOf(String id) {
        WebElement error = browser.find(By.id(id + "-error"));
        return error.isDisplayed() ? error.getText() : "";
    }
}
