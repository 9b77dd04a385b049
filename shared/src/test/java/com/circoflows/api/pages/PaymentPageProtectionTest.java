package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What keeps the hosted page from serving card testers and from ever being loaded over plain http. */
class PaymentPageProtectionTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed(), true);
    private final PaymentPage localPage = new PaymentPage(checkout, tokens, TestClocks.fixed(), false);

    // ---- too many declines ----

    @Test
    void aSubmissionRefusedForTooManyDeclinesIs429AndSaysUntilWhenAndThatNothingWasCharged() {
        PaymentFailure declined = new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", null);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .pays(new CheckoutState.Locked(session().withLastFailure(declined).page(),
                        TestClocks.NOW.plus(Duration.ofMinutes(15))));
        ApiResponse shown = page.handle(request("GET", null).build());

        ApiResponse response = post(page, shown);

        assertEquals(429, response.statusCode());
        assertEquals("900", response.headers().get("retry-after"));
        String html = response.body();
        assertTrue(html.contains("<h1>Too many attempts to pay</h1>"), html);
        assertTrue(html.contains("role=\"alert\""), "announced to screen readers: " + html);
        assertTrue(html.matches("(?s).*is paused until <strong>12:15[^<]* UTC</strong> \\(about 15 minutes\\).*"),
                html);
        assertTrue(html.contains("You have not been charged."), html);
        assertTrue(html.contains("<p>Your payment didn&#39;t go through.</p>"), "why the last attempt failed: " + html);
        assertTrue(html.contains("href=\"/pay/" + SESSION_ID + "\""), "a way back once the pause ends: " + html);
        assertFalse(html.contains("<form"), "nothing to submit while paused");
    }

    @Test
    void openingALockedSessionShowsThePauseInsteadOfTheForm() {
        checkout.opens(new CheckoutState.Locked(session().page(), TestClocks.NOW.plusSeconds(30)));

        ApiResponse response = page.handle(request("GET", null).build());

        assertEquals(429, response.statusCode());
        assertEquals("30", response.headers().get("retry-after"));
        assertTrue(response.body().contains("(about 1 minute)"), response.body());
        assertFalse(response.body().contains("<form"));
    }

    @Test
    void theSubmissionCarriesTheClientAddressTheDeclineLimitsCount() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .pays(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = page.handle(request("GET", null).build());

        page.handle(request("POST", form(shown)).sourceIp("198.51.100.77")
                .header("cookie", "cf_page_nonce=" + nonceOf(shown)).build());

        assertEquals("198.51.100.77", checkout.paid.get(0).clientAddress());
    }

    // ---- transport ----

    @Test
    void everyAnswerOutsideLocalModeTellsTheBrowserToUseHttpsOnlyForTwoYearsIncludingSubdomains() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .pays(new CheckoutState.Paid(session().completed("txn_PAID00000000000000000000", TestClocks.NOW)
                        .page()));
        ApiResponse shown = page.handle(request("GET", null).build());
        ApiResponse redirect = post(page, shown);
        ApiResponse notFound = page.handle(ApiRequests.get("/pay/nope").pathParam("session_id", "nope").build());

        for (ApiResponse response : List.of(shown, redirect, notFound)) {
            assertEquals("max-age=63072000; includeSubDomains", response.headers().get("strict-transport-security"),
                    response.statusCode() + " " + response.headers());
        }
        assertEquals(303, redirect.statusCode());
    }

    @Test
    void inLocalModeOverPlainHttpThereIsNoStrictTransportSecurity() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        assertNull(localPage.handle(request("GET", null).build()).headers().get("strict-transport-security"));
    }

    @Test
    void anUpperCaseReturnUrlStoredBeforeNormalisationStillGetsItsOriginIntoFormAction() {
        checkout.opens(new CheckoutState.AwaitingPayment(
                session().withReturnUrl("HTTPS://Shop.Example.COM:8443/Orders/42?ref=A").page(), null));

        String csp = page.handle(request("GET", null).build()).headers().get("content-security-policy");

        assertTrue(csp.contains("form-action 'self' https://shop.example.com:8443;"), csp);
    }

    // ---- helpers ----

    private static ApiRequests request(String method, String body) {
        return ApiRequests.get("/pay/" + SESSION_ID).method(method).body(body)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("session_id", SESSION_ID);
    }

    private static ApiResponse post(PaymentPage page, ApiResponse shown) {
        return page.handle(request("POST", form(shown)).header("cookie", "cf_page_nonce=" + nonceOf(shown)).build());
    }

    private static String form(ApiResponse shown) {
        Matcher token = CSRF_FIELD.matcher(shown.body());
        assertTrue(token.find(), shown.body());
        return "csrf_token=" + enc(token.group(1)) + "&email=" + enc("jane@example.com") + "&card_number="
                + enc("4242 4242 4242 4242") + "&expiry=" + enc("12 / 30") + "&cvc=" + enc("913")
                + "&cardholder_name=" + enc("Jane Smith");
    }

    private static String nonceOf(ApiResponse response) {
        String cookie = response.headers().get("set-cookie");
        return PageTokens.nonceFrom(cookie.substring(0, cookie.indexOf(';')));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
