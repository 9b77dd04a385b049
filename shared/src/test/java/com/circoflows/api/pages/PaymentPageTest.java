package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.MERCHANT;
import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Isolated
class PaymentPageTest {
    private static final String PAN = "4242424242424242";
    private static final String PAN_TYPED = "4242 4242 4242 4242";
    private static final String CVC = "913";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern STYLE_NONCE = Pattern.compile("<style nonce=\"([^\"]+)\">");
    private static final Pattern SCRIPT_NONCE = Pattern.compile("<script nonce=\"([^\"]+)\">");

    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed());

    // ---- the form ----

    @Test
    void formShowsMerchantDescriptionAmountAndTheCustomersPrefilledNameAndEmail() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        ApiResponse response = get();

        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains(MERCHANT), html);
        assertTrue(html.contains("Premium Subscription - Annual Plan"), html);
        assertTrue(html.contains("<span class=\"amount\">$250.00</span>"), html);
        assertTrue(html.contains(">Pay $250.00</button>"), html);
        assertTrue(input(html, "email").contains("value=\"jane@example.com\""), input(html, "email"));
        assertTrue(input(html, "cardholder_name").contains("value=\"Jane Smith\""), input(html, "cardholder_name"));
        assertFalse(html.contains("+1234567890"), "only name and email are pre-filled");
        assertTrue(html.contains("Test mode"), "test sessions carry a badge");
        assertEquals(List.of(SESSION_ID), checkout.opened);
    }

    @Test
    void liveSessionHasNoTestModeBadge() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withMode(Mode.LIVE).page(), null));

        assertFalse(get().body().contains("Test mode"));
    }

    @Test
    void cardFieldsHaveLabelsAutocompleteAndNumericKeyboards() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        String html = get().body();

        assertAttributes(input(html, "card_number"), "autocomplete=\"cc-number\"", "inputmode=\"numeric\"");
        assertAttributes(input(html, "expiry"), "autocomplete=\"cc-exp\"", "placeholder=\"MM / YY\"");
        assertAttributes(input(html, "cvc"), "autocomplete=\"cc-csc\"", "inputmode=\"numeric\"");
        assertAttributes(input(html, "cardholder_name"), "autocomplete=\"cc-name\"");
        assertAttributes(input(html, "email"), "autocomplete=\"email\"", "type=\"email\"");
        for (String field : List.of("email", "card_number", "expiry", "cvc", "cardholder_name")) {
            assertTrue(html.contains("<label for=\"" + field + "\">"), "a real label for " + field);
            assertTrue(html.contains("id=\"" + field + "-error\""), "an error slot for " + field);
        }
        assertTrue(html.contains("<form id=\"checkout-form\" method=\"post\" action=\"/pay/" + SESSION_ID + "\""),
                html);
        assertFalse(html.contains("role=\"alert\" tabindex=\"-1\">"), "no visible error summary on a fresh form");
    }

    @Test
    void formCarriesStrictSecurityHeadersAndANonceForItsScriptAndStyle() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        ApiResponse response = get();

        assertEquals("text/html; charset=utf-8", response.headers().get("content-type"));
        assertEquals("no-store", response.headers().get("cache-control"));
        assertEquals("DENY", response.headers().get("x-frame-options"));
        assertEquals("no-referrer", response.headers().get("referrer-policy"));
        String csp = response.headers().get("content-security-policy");
        String nonce = match(SCRIPT_NONCE, response.body());
        assertEquals(nonce, match(STYLE_NONCE, response.body()));
        assertTrue(csp.startsWith("default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce
                + "';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("form-action 'self' https://shop.example.com;"), "the 303 goes to the merchant: " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertFalse(response.body().contains(" style=\""), "inline style attributes would be blocked by the CSP");
        assertFalse(response.body().matches("(?s).*\\son[a-z]+=\".*"), "inline handlers would be blocked by the CSP");
    }

    @Test
    void everyPageGetsItsOwnNonce() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        assertNotEquals(match(SCRIPT_NONCE, get().body()), match(SCRIPT_NONCE, get().body()));
    }

    @Test
    void formSetsAStrictHttpOnlyCookieWhoseNonceTheCsrfTokenIsBoundTo() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        ApiResponse response = get();

        String cookie = response.headers().get("set-cookie");
        assertTrue(cookie.startsWith("cf_page_nonce=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/pay") && cookie.contains("Secure"), cookie);
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(response), match(CSRF_FIELD, response.body())));
        assertFalse(tokens.isValid("sess_ZZZZZZZZZZZZZZZZZZZZZZZZ", nonceOf(response), match(CSRF_FIELD, response.body())),
                "the token is bound to this session");
    }

    @Test
    void aSecondTabKeepsTheBrowsersCookieNonceSoBothTabsCanSubmit() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse first = get();
        String cookie = "cf_page_nonce=" + nonceOf(first);

        ApiResponse second = page.handle(request("GET", null).header("cookie", cookie).build());

        assertEquals(nonceOf(first), nonceOf(second));
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(first), match(CSRF_FIELD, first.body())));
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(first), match(CSRF_FIELD, second.body())));
    }

    @Test
    void descriptionAndMerchantNameAreEscaped() {
        checkout.opens(new CheckoutState.AwaitingPayment(session()
                .withDescription("<script>alert('x')</script> & \"more\"")
                .withMerchantName("<img src=x onerror=alert(1)>").page(), null));

        String html = get().body();

        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertEquals(1, html.split("<script", -1).length - 1, "only the page's own script tag");
        assertFalse(html.contains("<img"), html);
    }

    @Test
    void prefilledCustomerInfoIsEscapedAndIgnoredWhenNotText() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "\"><script>x</script>");
        customer.put("email", Map.of("nested", true));
        checkout.opens(new CheckoutState.AwaitingPayment(session().withCustomer(customer).page(), null));

        String html = get().body();

        assertTrue(input(html, "cardholder_name").contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""), html);
        assertFalse(input(html, "email").contains("value="), input(html, "email"));
    }

    @Test
    void lastFailureIsShownAsAClearMessageThatScreenReadersAnnounce() {
        PaymentFailure declined = new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline");
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), declined));

        ApiResponse response = get();

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<div class=\"notice notice-error\" role=\"alert\" id=\"payment-failure\">"),
                response.body());
        assertTrue(response.body().contains("Your card was declined. Try another card."), response.body());
        assertFalse(response.body().contains("generic_decline"), "the issuer's code is not for the customer");
    }

    @Test
    void fraudDeclineReadsLikeAnyOtherDecline() {
        PaymentFailure fraud = new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "fraudulent");
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), fraud));

        String html = get().body();

        assertTrue(html.contains("Your card was declined. Try another card."), html);
        assertFalse(html.toLowerCase().contains("fraud"), html);
    }

    @Test
    void failedThreeDSecureSaysTheBankDidNotConfirmAndTheFormStaysPayable() {
        PaymentFailure failed = new PaymentFailure(ErrorCode.THREE_D_SECURE_FAILED, "3-D Secure authentication failed.",
                null);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), failed));

        String html = get().body();

        assertTrue(html.contains("Your bank didn&#39;t confirm this payment"), html);
        assertTrue(html.contains("not been charged"), html);
        assertTrue(html.contains("id=\"checkout-form\""), html);
    }

    // ---- the other states ----

    @Test
    void unknownSessionIs404() {
        checkout.opens(() -> {
            throw new ApiException(ErrorCode.SESSION_NOT_FOUND);
        });

        ApiResponse response = get();

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("We can&#39;t find this payment"), response.body());
        assertEquals("no-store", response.headers().get("cache-control"));
    }

    @Test
    void malformedSessionIdIs404WithoutLookingItUp() {
        for (String id : List.of("sess_short", "txn_ABCDEFGHIJKLMNOPQRSTUVWX", "sess_ABCDEFGHIJKLMNOPQRSTUV<X",
                "sess_ABCDEFGHIJKLMNOPQRSTUVWXY")) {
            ApiResponse response = page.handle(ApiRequests.get("/pay/" + id).pathParam("session_id", id).build());
            assertEquals(404, response.statusCode(), id);
            assertFalse(response.body().contains("<X"), "the id is not echoed");
        }
        assertEquals(List.of(), checkout.opened);
    }

    @Test
    void expiredSessionIs410AndSaysSoAndWhatToDo() {
        checkout.opens(new CheckoutState.Closed(session().closed(SessionStatus.EXPIRED).page()));

        ApiResponse response = get();

        assertEquals(410, response.statusCode());
        assertTrue(response.body().contains("This payment link has expired"), response.body());
        assertTrue(response.body().contains("You have not been charged"), response.body());
        assertTrue(response.body().contains("start again"), response.body());
        assertFalse(response.body().contains("<form"), response.body());
        assertTrue(response.body().contains("session_id=" + SESSION_ID + "&amp;status=expired"), response.body());
    }

    @Test
    void cancelledSessionIs410AndSaysTheMerchantCancelledIt() {
        checkout.opens(new CheckoutState.Closed(session().closed(SessionStatus.CANCELLED).page()));

        ApiResponse response = get();

        assertEquals(410, response.statusCode());
        assertTrue(response.body().contains("This payment was cancelled"), response.body());
        assertTrue(response.body().contains(MERCHANT + " cancelled this request"), response.body());
        assertFalse(response.body().contains("<form"), response.body());
    }

    @Test
    void paidSessionShowsAReceiptWithALinkBackToTheMerchant() {
        checkout.opens(new CheckoutState.Paid(session()
                .completed("txn_PAID00000000000000000000", TestClocks.NOW.minus(Duration.ofDays(1))).page()));

        ApiResponse response = get();

        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Payment successful"), html);
        assertTrue(html.contains("You paid <strong>$250.00</strong> to <strong>" + MERCHANT + "</strong>"), html);
        assertTrue(html.contains("txn_PAID00000000000000000000"), html);
        assertTrue(html.contains("href=\"https://shop.example.com/orders/42/done?ref=a&amp;session_id=" + SESSION_ID
                + "&amp;status=completed#thanks\""), html);
        assertFalse(html.contains("http-equiv=\"refresh\""), "a receipt opened a day later stays put");
        assertFalse(html.contains("<form"), html);
    }

    @Test
    void sessionPaidMomentsAgoTakesTheCustomerBackToTheMerchant() {
        // After a 3-D Secure challenge the customer lands here; a redirect would break the challenge form's CSP.
        checkout.opens(new CheckoutState.Paid(session()
                .completed("txn_PAID00000000000000000000", TestClocks.NOW.minusSeconds(2)).page()));

        String html = get().body();

        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"3;url=https://shop.example.com/orders/42/done"
                + "?ref=a&amp;session_id=" + SESSION_ID + "&amp;status=completed#thanks\">"), html);
        assertTrue(html.contains("Taking you back to " + MERCHANT), html);
    }

    @Test
    void paidSessionWithoutReturnUrlSaysThePageCanBeClosed() {
        checkout.opens(new CheckoutState.Paid(session().withReturnUrl(null)
                .completed("txn_PAID00000000000000000000", TestClocks.NOW.minusSeconds(2)).page()));

        ApiResponse response = get();

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("You can close this page now."), response.body());
        assertFalse(response.body().contains("http-equiv=\"refresh\""), response.body());
        assertTrue(response.headers().get("content-security-policy").contains("form-action 'self';"));
    }

    @Test
    void paymentInProgressIs409AndChecksAgainByItself() {
        checkout.opens(new CheckoutState.InProgress(session().page()));

        ApiResponse response = get();

        assertEquals(409, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Your payment is being processed"), html);
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"3;url=/pay/" + SESSION_ID + "\">"), html);
        assertTrue(html.contains("href=\"/pay/" + SESSION_ID + "\">Check again</a>"), html);
        assertTrue(html.contains("Please don&#39;t pay again"), html);
    }

    @Test
    void challengeRequiredRedirectsToTheChallengePage() {
        checkout.opens(new CheckoutState.ChallengeRequired(session().page(), "txn_3DS000000000000000000000"));

        ApiResponse response = get();

        assertEquals(303, response.statusCode());
        assertEquals("/pay/3ds/txn_3DS000000000000000000000", response.headers().get("location"));
    }

    @Test
    void serviceTroubleIs503AndUnexpectedFailureIs500WithoutInternals() {
        checkout.opens(() -> {
            throw new RetryableFailure("dynamodb throttled on table circoflows-sessions", null);
        });
        try (CapturedLog log = CapturedLog.start()) {
            ApiResponse unavailable = get();
            assertEquals(503, unavailable.statusCode());
            assertFalse(unavailable.body().contains("circoflows-sessions"), unavailable.body());
            assertTrue(unavailable.body().contains("Try again"), unavailable.body());

            checkout.opens(() -> {
                throw new IllegalStateException("boom at com.circoflows.Secret line 42");
            });
            ApiResponse broken = get();
            assertEquals(500, broken.statusCode());
            assertFalse(broken.body().contains("boom") || broken.body().contains("com.circoflows"), broken.body());
            assertTrue(log.text().contains("payment_page_failure"), log.text());
        }
    }

    // ---- submitting ----

    @Test
    void postWithoutTheCookieIsRefusedAndChargesNothing() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        String token = match(CSRF_FIELD, get().body());

        ApiResponse response = page.handle(request("POST", form(token, PAN_TYPED, "12 / 30", CVC)).build());

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("This page has expired"), response.body());
        assertEquals(List.of(), checkout.paid);
        assertNoCardData(response.body());
    }

    @Test
    void postWithAnotherSessionsTokenIsRefused() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();
        String otherToken = tokens.tokenFor("sess_ZZZZZZZZZZZZZZZZZZZZZZZZ", nonceOf(shown));

        ApiResponse response = post(shown, form(otherToken, PAN_TYPED, "12 / 30", CVC));

        assertEquals(403, response.statusCode());
        assertEquals(List.of(), checkout.paid);
    }

    @Test
    void invalidFieldsAre422WithEveryErrorTiedToItsFieldAndNothingCharged() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();

        ApiResponse response = post(shown, "csrf_token=" + enc(match(CSRF_FIELD, shown.body()))
                + "&email=not-an-email&card_number=" + enc("4242 4242 4242 4241") + "&expiry=13%2F30&cvc=12"
                + "&cardholder_name=");

        assertEquals(422, response.statusCode());
        assertEquals(List.of(), checkout.paid);
        String html = response.body();
        assertTrue(html.contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\">"),
                html);
        assertTrue(html.contains("There are problems"), html);
        assertFieldError(html, "email", CardForm.INVALID_EMAIL);
        assertFieldError(html, "card_number", CardForm.INVALID_CARD_NUMBER);
        assertFieldError(html, "expiry", CardForm.INVALID_EXPIRY);
        assertFieldError(html, "cvc", CardForm.INVALID_CVC);
        assertFieldError(html, "cardholder_name", CardForm.ENTER_NAME);
        assertTrue(input(html, "email").contains("value=\"not-an-email\""), "email is filled in again");
        assertTrue(html.contains(EnglishTexts.TEXTS.get(Text.RE_ENTER_CARD)), "the customer is told why the card fields are empty");
        assertFalse(html.contains("4242 4242 4242 4241") || html.contains("4242424242424241"), "never the number");
        assertTrue(html.contains("<title>Error: Pay " + MERCHANT + "</title>"), html);
    }

    @Test
    void validFieldsAreNotMarkedInvalid() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();

        String html = post(shown, "csrf_token=" + enc(match(CSRF_FIELD, shown.body()))
                + "&email=jane%40example.com&card_number=" + enc(PAN_TYPED) + "&expiry=" + enc("12 / 30")
                + "&cvc=1&cardholder_name=Jane").body();

        assertFieldError(html, "cvc", CardForm.INVALID_CVC);
        assertTrue(html.contains("There is a problem"), html);
        for (String field : List.of("email", "card_number", "expiry", "cardholder_name")) {
            assertFalse(input(html, field).contains("aria-invalid"), field);
            assertTrue(html.contains("id=\"" + field + "-error\" hidden></p>"), field);
        }
        assertTrue(input(html, "expiry").contains("value=\"12 / 30\""), "a valid expiry is kept");
        assertFalse(input(html, "card_number").contains("value="), "the card number is never filled in again");
        assertFalse(input(html, "cvc").contains("value="), "the security code is never filled in again");
        assertNoCardData(html);
    }

    @Test
    void expiredCardIsAnExpiryError() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();

        String html = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "10 / 26", CVC)).body();

        assertFieldError(html, "expiry", CardForm.EXPIRED);
    }

    @Test
    void cardNumberTypedIntoTheNameFieldIsRefusedAndNeverShown() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();

        ApiResponse response = post(shown, "csrf_token=" + enc(match(CSRF_FIELD, shown.body()))
                + "&email=jane%40example.com&card_number=" + enc(PAN_TYPED) + "&expiry=" + enc("12 / 30") + "&cvc="
                + CVC + "&cardholder_name=" + enc(PAN_TYPED));

        assertEquals(422, response.statusCode());
        assertFieldError(response.body(), "cardholder_name", CardForm.ENTER_NAME);
        assertNoCardData(response.body());
    }

    @Test
    void successfulPaymentRedirectsToTheReturnUrlWithSessionIdAndStatusBeforeTheFragment() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.Paid(session().completed("txn_PAID00000000000000000000", TestClocks.NOW).page()));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC));

        assertEquals(303, response.statusCode());
        assertEquals("https://shop.example.com/orders/42/done?ref=a&session_id=" + SESSION_ID + "&status=completed#thanks",
                response.headers().get("location"));
        CheckoutForm paid = checkout.paid.get(0);
        assertEquals("4242", paid.card().number().last4());
        assertEquals(CardBrand.VISA, paid.card().brand());
        assertEquals(12, paid.card().expiry().month());
        assertEquals(2030, paid.card().expiry().year());
        assertEquals(CVC, paid.card().cvv().revealDigits());
        assertEquals("Jane Smith", paid.cardholderName());
        assertEquals("jane@example.com", paid.email());
        assertNoCardData(response.body());
    }

    @Test
    void returnUrlWithoutQueryGetsOne() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.Paid(session().withReturnUrl("https://shop.example.com/done")
                .completed("txn_PAID00000000000000000000", TestClocks.NOW).page()));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12/2030", CVC));

        assertEquals("https://shop.example.com/done?session_id=" + SESSION_ID + "&status=completed",
                response.headers().get("location"));
    }

    @Test
    void successfulPaymentWithoutReturnUrlRedirectsToTheReceipt() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withReturnUrl(null).page(), null));
        checkout.pays(new CheckoutState.Paid(session().withReturnUrl(null)
                .completed("txn_PAID00000000000000000000", TestClocks.NOW).page()));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "1230", CVC));

        assertEquals(303, response.statusCode());
        assertEquals("/pay/" + SESSION_ID, response.headers().get("location"));
    }

    @Test
    void declineIs402WithWhyAndEmptyCardFields() {
        PaymentFailure declined = new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline");
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.AwaitingPayment(session().page(), declined));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), "4000 0000 0000 0002", "12 / 30", CVC));

        assertEquals(402, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("Your card was declined. Try another card."), html);
        for (String field : List.of("card_number", "expiry", "cvc")) {
            assertFalse(input(html, field).contains("value="), field + " is empty for the next card");
        }
        assertTrue(input(html, "email").contains("value=\"jane@example.com\""), html);
        assertFalse(html.contains("4000 0000 0000 0002") || html.contains("4000000000000002"), html);
        assertNoCardData(html);
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(shown), match(CSRF_FIELD, html)), "the form can be sent again");
    }

    @Test
    void cardErrorThrownByCheckoutIsShownLikeADecline() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(form -> {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS, "Insufficient funds.", null, "insufficient_funds");
        });
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC));

        assertEquals(402, response.statusCode());
        assertTrue(response.body().contains("Your card has insufficient funds. Try another card."), response.body());
    }

    @Test
    void cardNeedingThreeDSecureIsSentToTheChallenge() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.ChallengeRequired(session().page(), "txn_3DS000000000000000000000"));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), "4000 0000 0000 3220", "12 / 30", CVC));

        assertEquals(303, response.statusCode());
        assertEquals("/pay/3ds/txn_3DS000000000000000000000", response.headers().get("location"));
    }

    @Test
    void submitWhileAnotherTabIsPayingIs409() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.InProgress(session().page()));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC));

        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("Your payment is being processed"), response.body());
        assertNoCardData(response.body());
    }

    @Test
    void submitToAnExpiredSessionIs410() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        checkout.pays(new CheckoutState.Closed(session().closed(SessionStatus.EXPIRED).page()));
        ApiResponse shown = get();

        ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC));

        assertEquals(410, response.statusCode());
        assertTrue(response.body().contains("expired"), response.body());
    }

    @Test
    void submitWhenTheSessionVanishedIs404AndAnOutageIs503() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get();
        String body = form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC);
        try (CapturedLog log = CapturedLog.start()) {
            checkout.pays(form -> {
                throw new ApiException(ErrorCode.SESSION_NOT_FOUND);
            });
            assertEquals(404, post(shown, body).statusCode());

            checkout.pays(form -> {
                throw new RetryableFailure("queue down", null);
            });
            ApiResponse unavailable = post(shown, body);
            assertEquals(503, unavailable.statusCode());
            assertNoCardData(unavailable.body());
            assertFalse(log.text().contains(PAN) || log.text().contains(CVC + "\""), log.text());
        }
    }

    @Test
    void noResponseEverCarriesTheCardNumberOrSecurityCode() {
        PaymentFailure declined = new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", null);
        List<CheckoutState> outcomes = List.of(
                new CheckoutState.AwaitingPayment(session().page(), declined),
                new CheckoutState.InProgress(session().page()),
                new CheckoutState.Closed(session().closed(SessionStatus.EXPIRED).page()),
                new CheckoutState.Paid(session().completed("txn_PAID00000000000000000000", TestClocks.NOW).page()));
        for (CheckoutState outcome : outcomes) {
            checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null)).pays(outcome);
            ApiResponse shown = get();
            ApiResponse response = post(shown, form(match(CSRF_FIELD, shown.body()), PAN_TYPED, "12 / 30", CVC));
            assertNoCardData(response.body());
            response.headers().values().forEach(value -> assertFalse(value.contains(PAN) || value.contains("4242 4242"),
                    value));
        }
    }

    // ---- locale ----

    @ParameterizedTest(name = "{2} {1} for {0}")
    @CsvSource(delimiter = '|', value = {
        "en-US,en;q=0.9 | USD | 25000  | $250.00",
        "''             | USD | 25000  | $250.00",
        "en-US          | JPY | 5000   | ¥5,000",
        "de-DE,de;q=0.9 | EUR | 123456 | 1.234,56 €",
        "fr-FR          | EUR | 123456 | 1 234,56 €",
        "en-GB          | GBP | 1050   | £10.50",
        "en-US          | KWD | 1250   | KWD 1.250",
    })
    void amountIsFormattedForItsCurrencyAndTheCustomersLocale(String acceptLanguage, String currency, long amount,
            String expected) {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withAmount(amount, currency).page(), null));

        String html = page.handle(request("GET", null).header("accept-language", acceptLanguage).build()).body();

        String normalised = html.replace('\u00a0', ' ').replace('\u202f', ' ');
        assertTrue(normalised.contains("<span class=\"amount\">" + expected + "</span>"), normalised);
        String button = normalised.substring(normalised.indexOf("id=\"pay-button\""));
        assertTrue(button.substring(0, button.indexOf("</button>")).contains(expected), button);
    }

    // ---- helpers ----

    private ApiResponse get() {
        return page.handle(request("GET", null).build());
    }

    private ApiResponse post(ApiResponse shown, String body) {
        return page.handle(request("POST", body).header("cookie", "other=1; cf_page_nonce=" + nonceOf(shown)).build());
    }

    private static ApiRequests request(String method, String body) {
        return ApiRequests.get("/pay/" + SESSION_ID).method(method).body(body)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("session_id", SESSION_ID);
    }

    private static String form(String token, String number, String expiry, String cvc) {
        return "csrf_token=" + enc(token) + "&email=" + enc("jane@example.com") + "&card_number=" + enc(number)
                + "&expiry=" + enc(expiry) + "&cvc=" + enc(cvc) + "&cardholder_name=" + enc("Jane Smith");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String nonceOf(ApiResponse response) {
        String cookie = response.headers().get("set-cookie");
        assertNotNull(cookie, "no cookie set");
        return PageTokens.nonceFrom(cookie.substring(0, cookie.indexOf(';')));
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), () -> pattern + " not in " + html);
        return matcher.group(1);
    }

    /** The whole input tag with this id. */
    private static String input(String html, String id) {
        Matcher matcher = Pattern.compile("<input id=\"" + id + "\"[^>]*>").matcher(html);
        assertTrue(matcher.find(), () -> "no input " + id + " in " + html);
        return matcher.group();
    }

    private static void assertAttributes(String tag, String... attributes) {
        for (String attribute : attributes) {
            assertTrue(tag.contains(attribute), tag + " lacks " + attribute);
        }
    }

    private static void assertFieldError(String html, String field, Text key) {
        String message = EnglishTexts.TEXTS.get(key);
        String tag = input(html, field);
        assertTrue(tag.contains("aria-invalid=\"true\""), tag);
        assertTrue(tag.matches(".*aria-describedby=\"([^\"]* )?" + field + "-error\".*"), tag);
        String escaped = Html.escape(message);
        assertTrue(html.contains("<p class=\"field-error\" id=\"" + field + "-error\">" + escaped + "</p>"),
                () -> field + ": " + message + " in " + html);
        assertTrue(html.contains("<a href=\"#" + field + "\" data-field=\"" + field + "\">" + escaped + "</a>"),
                () -> "summary links to " + field);
    }

    private static void assertNoCardData(String body) {
        assertFalse(body.contains(PAN), "card number in the page");
        assertFalse(body.contains(PAN_TYPED), "card number in the page");
        assertFalse(CardNumberDetector.containsCardNumber(body), "a card number in the page");
        assertFalse(body.contains("value=\"" + CVC + "\""), "security code in the page");
        assertFalse(body.contains(">" + CVC + "<"), "security code in the page");
    }
}
