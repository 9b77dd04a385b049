package com.circoflows.api.pages;

import static com.circoflows.api.pages.FakeCheckout.SESSION_ID;
import static com.circoflows.api.pages.FakeCheckout.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.SessionStatus;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The payment page and the 3-D Secure page in the customer's language. */
class LocalizedPagesTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final FakeCheckout checkout = new FakeCheckout();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final PaymentPage page = new PaymentPage(checkout, tokens, TestClocks.fixed());

    @Test
    void theBrowsersGermanGetsAGermanFormWithGermanAmounts() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withAmount(1234, "EUR").page(), null));

        String html = get("de-DE,de;q=0.9,en;q=0.8").body();

        assertTrue(html.contains("<html lang=\"de\">"), html);
        assertTrue(html.contains("<title>An Acme Books bezahlen</title>"), html);
        assertTrue(html.contains("<span class=\"amount\">12,34\u00a0€</span>"), html);
        assertTrue(html.contains(">12,34\u00a0€ bezahlen</button>"), html);
        assertTrue(html.contains("<label for=\"card_number\">Kartennummer</label>"), html);
        assertTrue(html.contains("placeholder=\"MM / JJ\""), html);
        assertTrue(html.contains(CheckoutLayout.jsString(GermanTexts.TEXTS.get(Text.ENTER_CARD_NUMBER))),
                "the script's messages speak German too");
        assertFalse(html.contains("Card number"), html);
    }

    @Test
    void theSessionsLocaleWinsOverTheBrowsers() {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withAmount(1234, "JPY").withLocale(PageLocale.JA)
                .page(), null));

        String html = get("de-DE,de;q=0.9").body();

        assertTrue(html.contains("<html lang=\"ja\">"), html);
        assertTrue(html.contains("<span class=\"amount\">￥1,234</span>"), html);
        assertTrue(html.contains("カード番号"), html);
    }

    @ParameterizedTest
    @EnumSource(value = PageLocale.class, names = {"EN", "DE", "FR", "ES", "JA"})
    void fieldErrorsAreShownInThePagesLanguage(PageLocale locale) {
        checkout.opens(new CheckoutState.AwaitingPayment(session().withLocale(locale).page(), null));
        ApiResponse shown = get(null);
        String token = match(CSRF_FIELD, shown.body());

        ApiResponse refused = page.handle(request("POST", "csrf_token=" + token + "&email=x&card_number=&expiry=&cvc="
                + "&cardholder_name=").header("cookie", cookie(shown)).build());

        assertEquals(422, refused.statusCode());
        PageLanguage language = PageLanguage.valueOf(locale.name());
        String html = refused.body();
        assertTrue(html.contains(Html.escape(language.text(Text.ENTER_CARD_NUMBER))), html);
        assertTrue(html.contains(Html.escape(language.text(Text.INVALID_EMAIL))), html);
        assertTrue(html.contains(Html.escape(language.text(Text.PROBLEMS))), html);
        assertTrue(html.contains("<title>" + Html.escape(language.text(Text.ERROR_TITLE_PREFIX))), html);
    }

    @Test
    void aCancelledSessionIsExplainedInFrench() {
        checkout.opens(new CheckoutState.Closed(session().withAmount(123456, "EUR")
                .closed(SessionStatus.CANCELLED).withLocale(PageLocale.FR).page()));

        String html = get(null).body();

        assertTrue(html.contains("<h1>Ce paiement a été annulé</h1>"), html);
        assertTrue(html.contains("Acme Books a annulé cette demande de paiement de <strong>1\u202f234,56\u00a0€"
                + "</strong>."), html);
    }

    @Test
    void aMissingSessionIsExplainedInTheBrowsersSpanish() {
        ApiResponse response = page.handle(ApiRequests.get("/pay/nope").pathParam("session_id", "nope")
                .header("accept-language", "es-ES,es;q=0.9").build());

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<html lang=\"es\">"));
        assertTrue(response.body().contains("No encontramos este pago"), response.body());
    }

    @Test
    void theChallengePageSpeaksTheBrowsersLanguage() {
        PaymentWorld world = PaymentWorld.create();
        Transaction t = world.pendingChallenge();
        ThreeDSecurePage challenge = new ThreeDSecurePage(world.challenges, world.merchants, tokens);

        String html = challenge.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).header("accept-language", "fr-FR").build()).body();

        assertTrue(html.contains("<html lang=\"fr\">"), html);
        assertTrue(html.contains("<h1>Confirmez votre identité</h1>"), html);
        assertTrue(html.contains(">Authentifier</button>"), html);
        assertTrue(html.contains("150,00\u00a0$US"), html);
    }

    @Test
    void aSessionInGermanSendsItsCustomerToAGermanChallenge() {
        checkout.opens(new CheckoutState.ChallengeRequired(session().withLocale(PageLocale.DE).page(),
                "txn_3DS000000000000000000000"));

        ApiResponse redirect = get("en-US");

        assertEquals("/pay/3ds/txn_3DS000000000000000000000?lang=de", redirect.headers().get("location"));
    }

    @Test
    void theChallengeSpeaksTheLanguageItsCheckoutAskedForOverTheBrowsers() {
        PaymentWorld world = PaymentWorld.create();
        Transaction t = world.pendingChallenge();
        ThreeDSecurePage challenge = new ThreeDSecurePage(world.challenges, world.merchants, tokens);

        String html = challenge.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).query("lang", "ja")
                .header("accept-language", "fr-FR").build()).body();

        assertTrue(html.contains("<html lang=\"ja\">"), html);
        assertFalse(html.contains("Authentifier"), html);
    }

    @Test
    void aChallengeAskedForInAnUnknownLanguageFollowsTheBrowser() {
        PaymentWorld world = PaymentWorld.create();
        Transaction t = world.pendingChallenge();
        ThreeDSecurePage challenge = new ThreeDSecurePage(world.challenges, world.merchants, tokens);

        ApiResponse response = challenge.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).query("lang", "<script>")
                .header("accept-language", "fr-FR").build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<html lang=\"fr\">"), response.body());
        assertFalse(response.body().contains("lang=\"<script"), response.body());
    }

    private ApiResponse get(String acceptLanguage) {
        ApiRequests request = request("GET", null);
        if (acceptLanguage != null) {
            request.header("accept-language", acceptLanguage);
        }
        return page.handle(request.build());
    }

    private static ApiRequests request(String method, String body) {
        return ApiRequests.get("/pay/" + SESSION_ID).method(method).body(body)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("session_id", SESSION_ID);
    }

    private static String cookie(ApiResponse shown) {
        String setCookie = shown.headers().get("set-cookie");
        return "cf_page_nonce=" + PageTokens.nonceFrom(setCookie.substring(0, setCookie.indexOf(';')));
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }
}
