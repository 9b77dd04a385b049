package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.branding.BrandingLookup;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.wallet.AuthMethod;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.TestWalletTokens;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.domain.wallet.WalletTokens;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.InMemoryWalletTokenClaims;
import com.circoflows.testing.TestClocks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The payment page's wallets: test mode's buttons (plain forms; the server mints the token), the real buttons
 * of live sessions only where configured, the CSP that names Google Pay only where its button is, and what a
 * posted wallet form does.
 */
class PaymentPageWalletTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern SCRIPT_NONCE = Pattern.compile("<script nonce=\"([^\"]+)\">");
    private static final String GOOGLE = "https://pay.google.com";
    private static final LiveWallets GOOGLE_PAY_CONFIGURED =
            new LiveWallets("BCR2DN4TEXAMPLE1", "TEST", null, false, "US");

    private final Clock clock = TestClocks.fixed();
    private final TestWalletTokens mint = new TestWalletTokens(clock);
    private final TestWallets testWallets = TestWallets.of(mint, clock);
    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);

    // ---- what the page shows ----

    @Test
    void testModeShowsLabelledTestWalletButtonsAsPlainFormsWithThePagesCsrfToken() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        ApiResponse response = get(page(LiveWallets.NONE));

        String html = response.body();
        assertEquals(200, response.statusCode());
        assertTrue(html.contains("<section id=\"test-wallets\""), html);
        assertTrue(html.contains("<h2 id=\"test-wallets-title\">Test mode: wallets</h2>"), html);
        String testForm = between(html, "<form id=\"test-wallet-form\"", "</form>");
        assertTrue(testForm.contains("method=\"post\" action=\"/pay/" + SESSION_ID + "\""), testForm);
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(response), match(CSRF_FIELD, testForm)), testForm);
        assertTrue(testForm.contains("<button class=\"wallet-button\" id=\"test-google-pay\" type=\"submit\" "
                + "name=\"wallet\" value=\"google_pay\">Test mode: pay with a test Google Pay token</button>"), testForm);
        assertTrue(testForm.contains("<label for=\"test_card\">Test card</label>"), testForm);
        assertTrue(testForm.contains("<option value=\"success\">4242: payment succeeds</option>"),
                testForm);
        assertTrue(testForm.contains("<option value=\"declined\">0002: card declined</option>"),
                testForm);
        assertTrue(testForm.contains("<option value=\"three_d_secure\">3220: needs 3-D Secure</option>"), testForm);
        assertFalse(CardNumberDetector.containsCardNumber(html), "test cards are named by their last four digits");
        assertTrue(html.indexOf("id=\"test-wallets\"") < html.indexOf("id=\"checkout-form\""), "above the card form");
        assertFalse(html.contains("id=\"google-pay-button\"") || html.contains("id=\"wallet-buttons\""),
                "no real wallet button");
    }

    @Test
    void appleTestButtonIsOfferedExactlyWhenTestModeMintsApplePayTokens() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        String html = get(page(LiveWallets.NONE)).body();

        assertTrue(html.contains("id=\"test-apple-pay\""), html);
        assertTrue(html.contains("Test mode: pay with a test Apple Pay token"), html);
    }

    @Test
    void testModePageKeepsTheCspOfAPageWithoutWalletsEvenWithGooglePayConfigured() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));

        ApiResponse withWallets = get(page(GOOGLE_PAY_CONFIGURED));
        ApiResponse without = get(new PaymentPage(checkout, tokens, clock));

        assertFalse(withWallets.body().contains("id=\"google-pay-button\""), "real buttons are for live sessions");
        assertEquals(cspWithoutNonce(without), cspWithoutNonce(withWallets));
        assertFalse(csp(withWallets).contains("google"), csp(withWallets));
        assertFalse(csp(withWallets).contains("connect-src") || csp(withWallets).contains("frame-src"),
                csp(withWallets));
    }

    @Test
    void liveSessionWithoutWalletConfigurationShowsNoWalletAndItsUsualCsp() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withMode(Mode.LIVE).page(), null));

        ApiResponse response = get(page(LiveWallets.NONE));

        assertFalse(response.body().contains("<section id=\"wallet-buttons\"")
                || response.body().contains("<section id=\"test-wallets\"") || response.body().contains(GOOGLE),
                response.body());
        assertEquals(cspWithoutNonce(get(new PaymentPage(checkout, tokens, clock))), cspWithoutNonce(response));
    }

    @Test
    void liveSessionWithGooglePayConfiguredRendersItsHiddenButtonAndTheCspAllowsGooglePay() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withMode(Mode.LIVE).page(), null));

        ApiResponse response = get(page(GOOGLE_PAY_CONFIGURED));

        String html = response.body();
        String section = between(html, "<section id=\"wallet-buttons\"", "</section>");
        String opening = section.substring(0, section.indexOf('>'));
        assertTrue(opening.endsWith(" hidden"), "shown only by the script, once Google Pay says it can pay: " + opening);
        assertTrue(opening.contains("data-google-merchant-id=\"BCR2DN4TEXAMPLE1\""), opening);
        assertTrue(opening.contains("data-google-environment=\"TEST\""), opening);
        assertTrue(opening.contains("data-google-gateway=\"circoflows\""), opening);
        assertTrue(opening.contains("data-google-gateway-merchant-id=\"mch_test\""), opening);
        assertTrue(opening.contains("data-amount=\"250.00\" data-currency=\"USD\" data-country=\"US\""), opening);
        assertTrue(section.contains("<button class=\"wallet-button google-pay\" id=\"google-pay-button\" "
                + "type=\"button\" hidden>Pay with Google Pay</button>"), section);
        assertFalse(section.contains("id=\"apple-pay-button\""), "Apple Pay is not configured");
        String walletForm = between(section, "<form id=\"wallet-form\"", "</form>");
        assertTrue(walletForm.contains("name=\"wallet\"") && walletForm.contains("name=\"payment_token\""), walletForm);
        assertTrue(tokens.isValid(SESSION_ID, nonceOf(response), match(CSRF_FIELD, walletForm)), walletForm);
        assertTrue(html.contains("'https://pay.google.com/gp/p/js/pay.js'") && html.contains("isReadyToPay"), html);
        assertFalse(html.contains("<section id=\"test-wallets\""), "no test buttons on a live session");
        String nonce = match(SCRIPT_NONCE, html);
        assertEquals("default-src 'none'; script-src 'nonce-" + nonce + "' " + GOOGLE + "; style-src 'nonce-" + nonce
                + "'; img-src 'self' data:; connect-src " + GOOGLE + "; frame-src " + GOOGLE + "; form-action 'self' "
                + "https://shop.example.com; frame-ancestors 'none'; base-uri 'none'", csp(response));
        assertFalse(html.matches("(?s).*\\son[a-z]+=\".*"), "inline handlers would be blocked by the CSP");
    }

    @Test
    void applePayButtonIsRenderedOnlyWhereItsMerchantValidationIsServed() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withMode(Mode.LIVE).page(), null));

        ApiResponse unvalidated = get(page(new LiveWallets(null, "PRODUCTION", "merchant.com.circoflows", false, "US")));
        ApiResponse validated = get(page(new LiveWallets(null, "PRODUCTION", "merchant.com.circoflows", true, "US")));

        assertFalse(unvalidated.body().contains("id=\"apple-pay-button\""), unvalidated.body());
        assertFalse(csp(unvalidated).contains("connect-src"), csp(unvalidated));
        String section = between(validated.body(), "<section id=\"wallet-buttons\"", "</section>");
        assertTrue(section.contains("id=\"apple-pay-button\" type=\"button\" hidden>Pay with Apple Pay</button>"),
                section);
        assertTrue(section.contains("data-apple-validation=\"/pay/" + SESSION_ID + "/apple-pay-session\""), section);
        assertTrue(validated.body().contains("ApplePaySession.canMakePayments()"), "shown only where Safari can pay");
        assertTrue(csp(validated).contains("; connect-src 'self'; form-action"), "only its own merchant validation: "
                + csp(validated));
        assertFalse(csp(validated).contains("google"), csp(validated));
    }

    @Test
    void testWalletTextsSpeakTheSessionsLanguage() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withLocale(PageLocale.DE).page(), null));

        String html = get(page(LiveWallets.NONE)).body();

        assertTrue(html.contains(">Testmodus: mit einem Google-Pay-Testtoken bezahlen</button>"), html);
        assertTrue(html.contains(">4242: Zahlung erfolgreich</option>"), html);
    }

    // ---- what a posted wallet form does ----

    @Test
    void testGooglePayButtonMintsADeviceTokenForTheSessionsMerchantAndPaysIt() {
        PaymentPage page = page(LiveWallets.NONE);
        FakeCheckout.Session paid = session().completed("txn_wallet", TestClocks.NOW);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .paysWithWallet(form -> new CheckoutState.Paid(paid.page()));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, testForm(shown, "google_pay", "success"));

        assertEquals(303, response.statusCode());
        assertEquals(paid.s().returnLocation(), response.headers().get("location"), "on to the merchant");
        assertEquals(1, checkout.wallets.size());
        assertEquals(Wallet.GOOGLE_PAY, checkout.wallets.get(0).wallet());
        assertEquals("203.0.113.7", checkout.wallets.get(0).clientAddress());
        WalletCard card = open(checkout.wallets.get(0).token());
        assertEquals("4242", card.number().last4());
        assertEquals(AuthMethod.CRYPTOGRAM_3DS, card.authMethod());
    }

    @Test
    void threeDSecureTestCardIsACardOnFileAndTheChallengeFollows() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .paysWithWallet(form -> new CheckoutState.ChallengeRequired(session().page(), "txn_challenge"));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, testForm(shown, "google_pay", "three_d_secure"));

        assertEquals(303, response.statusCode());
        assertEquals("/pay/3ds/txn_challenge", response.headers().get("location"));
        WalletCard card = open(checkout.wallets.get(0).token());
        assertEquals("3220", card.number().last4());
        assertEquals(AuthMethod.PAN_ONLY, card.authMethod());
    }

    @Test
    void declinedTestCardShowsTheDeclineAndTheWalletsAgain() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .paysWithWallet(form -> new CheckoutState.AwaitingPayment(session().page(),
                        new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline")));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, testForm(shown, "google_pay", "declined"));

        assertEquals(402, response.statusCode());
        assertTrue(response.body().contains("Your card was declined. Try another card."), response.body());
        assertTrue(response.body().contains("id=\"test-google-pay\""), "the session is payable again");
        assertEquals("0002", open(checkout.wallets.get(0).token()).number().last4());
    }

    @Test
    void refusedTokenIsShownAsTheWalletsFailureNotAnError() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null))
                .paysWithWallet(form -> new CheckoutState.AwaitingPayment(session().page(),
                        new PaymentFailure(ErrorCode.INVALID_PAYMENT_TOKEN, "The payment token is invalid.", null)));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, "csrf_token=" + enc(match(CSRF_FIELD, shown.body()))
                + "&wallet=google_pay&payment_token=" + enc("{\"not\":\"a token\"}"));

        assertEquals(402, response.statusCode());
        assertTrue(response.body().contains("Your wallet&#39;s payment could not be used, so you have not been "
                + "charged."), response.body());
        assertTrue(response.body().contains("id=\"checkout-form\""), "the card form remains");
        assertEquals("{\"not\":\"a token\"}", checkout.wallets.get(0).token(), "a real wallet's token is paid as is");
    }

    @Test
    void liveSessionNeverMintsATestToken() {
        PaymentPage page = page(GOOGLE_PAY_CONFIGURED);
        checkout.opens(new CheckoutState.AwaitingPayment(session().withMode(Mode.LIVE).page(), null));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, testForm(shown, "google_pay", "success"));

        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("Your wallet&#39;s payment could not be used"), response.body());
        assertEquals(List.of(), checkout.wallets);
    }

    @Test
    void formNamingNoWalletOrNoTokenChargesNothing() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get(page);
        String csrf = "csrf_token=" + enc(match(CSRF_FIELD, shown.body()));

        assertEquals(422, post(page, shown, csrf + "&wallet=paypal&test_card=success").statusCode());
        assertEquals(422, post(page, shown, csrf + "&wallet=google_pay").statusCode());
        assertEquals(422, post(page, shown, csrf + "&wallet=google_pay&test_card=nope").statusCode());
        assertEquals(List.of(), checkout.wallets);
    }

    @Test
    void walletFormWithoutItsCsrfTokenIsRefusedAndPaysNothing() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get(page);

        ApiResponse response = post(page, shown, "wallet=google_pay&test_card=success");

        assertEquals(403, response.statusCode());
        assertEquals(List.of(), checkout.wallets);
    }

    @Test
    void walletFormOnAPaidSessionShowsTheReceiptAndMintsNothing() {
        PaymentPage page = page(LiveWallets.NONE);
        checkout.opens(new CheckoutState.AwaitingPayment(session().page(), null));
        ApiResponse shown = get(page);
        checkout.opens(new CheckoutState.Paid(session().completed("txn_paid", TestClocks.NOW).page()));

        ApiResponse response = post(page, shown, testForm(shown, "google_pay", "success"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Payment successful"), response.body());
        assertEquals(List.of(), checkout.wallets);
    }

    // ---- helpers ----

    private PaymentPage page(LiveWallets live) {
        return new PaymentPage(checkout, tokens, clock, true, BrandingLookup.DEFAULTS,
                new PageWallets(testWallets, live));
    }

    /** Opens the token as a payment would (test mode's keys), for merchant mch_test. */
    private WalletCard open(String token) {
        WalletTokens wallets = new WalletTokens(TestModeWallets.keyring(clock), WalletKeyring::none,
                new InMemoryWalletTokenClaims(), clock);
        return wallets.redeem(Mode.TEST, "mch_test", Wallet.GOOGLE_PAY, token, "txn_opened");
    }

    private static String testForm(ApiResponse shown, String wallet, String testCard) {
        return "csrf_token=" + enc(match(CSRF_FIELD, shown.body())) + "&test_card=" + enc(testCard) + "&wallet="
                + enc(wallet);
    }

    private static ApiResponse get(PaymentPage page) {
        return page.handle(request("GET", null).build());
    }

    private static ApiResponse post(PaymentPage page, ApiResponse shown, String body) {
        return page.handle(request("POST", body).header("cookie", "cf_page_nonce=" + nonceOf(shown)).build());
    }

    private static ApiRequests request(String method, String body) {
        return ApiRequests.get("/pay/" + SESSION_ID).method(method).body(body)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("session_id", SESSION_ID);
    }

    private static String csp(ApiResponse response) {
        return response.headers().get("content-security-policy");
    }

    private static String cspWithoutNonce(ApiResponse response) {
        return csp(response).replaceAll("'nonce-[^']+'", "'nonce-N'");
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, () -> start + " not in " + html);
        return html.substring(from, html.indexOf(end, from) + end.length());
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
}
