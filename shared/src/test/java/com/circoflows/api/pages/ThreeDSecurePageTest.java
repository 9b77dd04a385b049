package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiResponse;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CapturedLog;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Isolated
class ThreeDSecurePageTest {
    private static final String RETURN_URL = "https://your-site.com/payment/3ds-return";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern STYLE_NONCE = Pattern.compile("<style nonce=\"([^\"]+)\">");

    private final PaymentWorld world = PaymentWorld.create();
    private final PageTokens tokens = new PageTokens(
            new DerivedKeys("page-test-secret-0123456789abcdefghij").keyFor(DerivedKeys.PAGE_TOKEN), true);
    private final ThreeDSecurePage page = new ThreeDSecurePage(world.challenges, world.merchants, tokens);

    @Test
    void challengeShowsMerchantNameAndAmountAndNoCardNumberBeyondLast4() {
        Transaction t = world.pendingChallenge();

        ApiResponse response = get(t.transactionId());

        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains(PaymentWorld.MERCHANT_A_NAME), html);
        assertTrue(html.contains("$150.00"), html);
        assertTrue(html.contains("visa •••• 3220"), html);
        assertFalse(html.contains(TestCards.THREE_D_SECURE_REQUIRED));
        assertFalse(html.contains("400000"), "no card digits beyond the last four");
        assertFalse(html.contains(t.card().fingerprint()));
        assertTrue(html.contains("value=\"authenticate\"") && html.contains("value=\"fail\""), html);
    }

    @Test
    void challengeSetsAStrictHttpOnlyNonceCookieMatchingTheFormToken() {
        Transaction t = world.pendingChallenge();

        ApiResponse response = get(t.transactionId());

        String cookie = response.headers().get("set-cookie");
        assertTrue(cookie.startsWith("cf_page_nonce="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"));
        String nonce = PageTokens.nonceFrom(cookie.substring(0, cookie.indexOf(';')));
        assertTrue(tokens.isValid(t.transactionId(), nonce, csrfToken(response)));
    }

    @Test
    void challengePageHasCspAndNoStoreHeaders() {
        Transaction t = world.pendingChallenge();

        ApiResponse response = get(t.transactionId());

        assertEquals("text/html; charset=utf-8", response.headers().get("content-type"));
        assertEquals("no-store", response.headers().get("cache-control"));
        assertEquals("DENY", response.headers().get("x-frame-options"));
        String csp = response.headers().get("content-security-policy");
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("style-src 'nonce-" + styleNonce(response) + "'"), "the page's style tag is allowed");
        assertFalse(response.body().contains("<script"), "the page needs no script");
    }

    @Test
    void cspLetsTheFormRedirectToTheMerchantsReturnOrigin() {
        Transaction t = world.pendingChallenge("https://your-site.com:8443/payment/3ds-return?order=7");

        String csp = get(t.transactionId()).headers().get("content-security-policy");

        assertTrue(csp.contains("form-action 'self' https://your-site.com:8443;"), csp);
    }

    @Test
    void anUpperCaseReturnOriginIsAllowedInFormActionInLowerCase() {
        Transaction t = world.pendingChallenge("HTTPS://Your-Site.COM:8443/payment/3ds-return");

        String csp = get(t.transactionId()).headers().get("content-security-policy");

        assertTrue(csp.contains("form-action 'self' https://your-site.com:8443;"), csp);
    }

    @Test
    void outsideLocalModeTheChallengeAndItsAnswerTellTheBrowserToUseHttpsOnly() {
        Transaction t = world.pendingChallenge(RETURN_URL);
        ApiResponse shown = get(t.transactionId());
        ApiResponse answered = answer(t, "authenticate");

        assertEquals(303, answered.statusCode(), answered.body());
        for (ApiResponse response : List.of(shown, answered, get("txn_ABCDEFGHIJKLMNOPQRSTUVWX"))) {
            assertEquals("max-age=63072000; includeSubDomains", response.headers().get("strict-transport-security"));
        }
    }

    @Test
    void inLocalModeTheChallengeHasNoStrictTransportSecurity() {
        ThreeDSecurePage local = new ThreeDSecurePage(world.challenges, world.merchants, tokens, false);
        Transaction t = world.pendingChallenge();

        ApiResponse response = local.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).build());

        assertEquals(200, response.statusCode());
        assertNull(response.headers().get("strict-transport-security"));
    }

    @Test
    void everyPageGetsItsOwnStyleNonce() {
        Transaction t = world.pendingChallenge();

        assertNotEquals(styleNonce(get(t.transactionId())), styleNonce(get(t.transactionId())));
    }

    @Test
    void htmlEscapesTheMerchantName() {
        InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
        merchants.create(new Merchant(PaymentWorld.MERCHANT_A.merchantId(), "<script>alert('x')</script> & Sons",
                TestClocks.NOW), WebhookSecret.generate());
        ThreeDSecurePage hostile = new ThreeDSecurePage(world.challenges, merchants, tokens);
        Transaction t = world.pendingChallenge();

        String html = hostile.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).build()).body();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons"), html);
    }

    @Test
    void unknownMerchantIsShownAsTheMerchant() {
        ThreeDSecurePage noMerchants = new ThreeDSecurePage(world.challenges, new InMemoryMerchantRepository(), tokens);
        Transaction t = world.pendingChallenge();

        String html = noMerchants.handle(ApiRequests.get("/pay/3ds/" + t.transactionId())
                .pathParam("transaction_id", t.transactionId()).build()).body();

        assertTrue(html.contains("the merchant"), html);
    }

    @Test
    void postWithoutTheCookieIsForbidden() {
        Transaction t = world.pendingChallenge();
        String token = csrfToken(get(t.transactionId()));

        ApiResponse response = post(t.transactionId(), null, "csrf_token=" + token + "&outcome=authenticate");

        assertEquals(403, response.statusCode());
        assertUnchanged(t);
    }

    @Test
    void postWithoutTheTokenIsForbidden() {
        Transaction t = world.pendingChallenge();
        ApiResponse shown = get(t.transactionId());

        ApiResponse response = post(t.transactionId(), cookieOf(shown), "outcome=authenticate");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("expired"), response.body());
        assertUnchanged(t);
    }

    @Test
    void tokenOfAnotherPaymentsPageIsForbidden() {
        Transaction mine = world.pendingChallenge();
        Transaction other = world.pendingChallenge();
        ApiResponse shownForOther = get(other.transactionId());

        ApiResponse response = post(mine.transactionId(), cookieOf(shownForOther),
                "csrf_token=" + csrfToken(shownForOther) + "&outcome=fail");

        assertEquals(403, response.statusCode());
        assertUnchanged(mine);
    }

    @Test
    void tokenPairedWithAnotherVisitsCookieIsForbidden() {
        Transaction t = world.pendingChallenge();
        ApiResponse first = get(t.transactionId());
        ApiResponse second = get(t.transactionId());

        ApiResponse response = post(t.transactionId(), cookieOf(second),
                "csrf_token=" + csrfToken(first) + "&outcome=authenticate");

        assertEquals(403, response.statusCode());
        assertUnchanged(t);
    }

    @Test
    void postAuthenticateRecordsAuthenticatedAndRedirectsToReturnUrl() {
        Transaction t = world.pendingChallenge(RETURN_URL);

        ApiResponse response = answer(t, "authenticate");

        assertEquals(303, response.statusCode());
        String location = response.headers().get("location");
        assertTrue(location.startsWith(RETURN_URL + "?"), location);
        assertEquals(t.transactionId(), queryOf(location).get("transaction_id"));
        assertEquals("pending", queryOf(location).get("status"));
        Transaction stored = world.stored(t.transactionId());
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, stored.threeDSecure());
        assertEquals(TransactionStatus.PENDING, stored.status(), "the merchant's confirm-3ds completes it");
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING), eventTypes(t));
    }

    @Test
    void returnUrlWithItsOwnQueryKeepsIt() {
        Transaction t = world.pendingChallenge(RETURN_URL + "?order=ORD-12345");

        ApiResponse response = answer(t, "authenticate");

        String location = response.headers().get("location");
        assertTrue(location.startsWith(RETURN_URL + "?order=ORD-12345&"), location);
        assertEquals(t.transactionId(), queryOf(location).get("transaction_id"));
    }

    @Test
    void returnUrlWithAFragmentStillGetsTheParametersInItsQuery() {
        Transaction t = world.pendingChallenge(RETURN_URL + "#receipt");

        ApiResponse response = answer(t, "authenticate");

        URI location = URI.create(response.headers().get("location"));
        assertEquals("receipt", location.getFragment());
        assertEquals(t.transactionId(), queryOf("?" + location.getQuery()).get("transaction_id"));
    }

    @Test
    void postFailMarksTheTransactionFailedAndQueuesPaymentFailed() {
        Transaction t = world.pendingChallenge(RETURN_URL);

        ApiResponse response = answer(t, "fail");

        assertEquals(303, response.statusCode());
        String location = response.headers().get("location");
        assertTrue(location.startsWith(RETURN_URL + "?"), location);
        assertEquals(t.transactionId(), queryOf(location).get("transaction_id"));
        assertEquals("failed", queryOf(location).get("status"));
        Transaction stored = world.stored(t.transactionId());
        assertEquals(TransactionStatus.FAILED, stored.status());
        assertEquals(ThreeDSecureStatus.FAILED, stored.threeDSecure());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_FAILED), eventTypes(t));
        assertEquals(WebhookEventType.PAYMENT_FAILED, world.queue.enqueued().get(1).type());
    }

    @Test
    void withoutReturnUrlTheCustomerSeesTheResult() {
        Transaction passed = world.pendingChallenge();
        Transaction failed = world.pendingChallenge();

        ApiResponse ok = answer(passed, "authenticate");
        ApiResponse bad = answer(failed, "fail");

        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("Authentication complete"), ok.body());
        assertTrue(ok.body().contains("$150.00") && ok.body().contains(PaymentWorld.MERCHANT_A_NAME));
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("Authentication failed"), bad.body());
        assertEquals("no-store", bad.headers().get("cache-control"));
    }

    @Test
    void unknownAnswerIsRefusedAndChangesNothing() {
        Transaction t = world.pendingChallenge();

        ApiResponse response = answer(t, "maybe");

        assertEquals(400, response.statusCode());
        assertUnchanged(t);
    }

    @Test
    void secondAnswerChangesNothing() {
        Transaction t = world.pendingChallenge(RETURN_URL);
        answer(t, "authenticate");

        ApiResponse second = answer(t, "fail");

        assertEquals(303, second.statusCode());
        assertEquals("pending", queryOf(second.headers().get("location")).get("status"));
        assertEquals(ThreeDSecureStatus.AUTHENTICATED, world.stored(t.transactionId()).threeDSecure());
        assertEquals(1, world.transactions.eventsFor(t.transactionId()).size());
    }

    @Test
    void answeredChallengeShowsTheResultWithoutAForm() {
        Transaction t = world.pendingChallenge();
        answer(t, "fail");

        ApiResponse response = get(t.transactionId());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Authentication failed"), response.body());
        assertFalse(response.body().contains("<form"));
        assertNull(response.headers().get("set-cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"txn_000000000000000000000000", "txn_short", "<script>", "../admin"})
    void unknownOrMalformedPaymentIs404Page(String id) {
        ApiResponse response = get(id);

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("does not exist"), response.body());
        assertFalse(response.body().contains("<script>"));
        assertTrue(response.headers().get("content-security-policy").startsWith("default-src 'none'"));
    }

    @Test
    void storeOutageShowsATryAgainPage() {
        Transaction t = world.pendingChallenge();
        world.transactions.failFindsWith(new RetryableFailure("DynamoDB throttled on circoflows-prod", null));

        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = get(t.transactionId());
            assertTrue(log.text().contains("challenge_page_unavailable"));
        }

        assertEquals(503, response.statusCode());
        assertFalse(response.body().contains("circoflows-prod"));
    }

    @Test
    void writeConflictsShowATryAgainPageWith503() {
        Transaction t = world.pendingChallenge();
        world.transactions.reportConflicts(100);

        ApiResponse response = answer(t, "authenticate");

        assertEquals(503, response.statusCode());
        assertUnchanged(t);
    }

    @Test
    void unexpectedFailureShowsA500PageWithoutInternals() {
        Transaction t = world.pendingChallenge();
        world.transactions.failFindsWith(new IllegalStateException("NPE in TransactionItems line 42"));

        ApiResponse response;
        try (CapturedLog log = CapturedLog.start()) {
            response = get(t.transactionId());
            assertTrue(log.text().contains("challenge_page_failure"));
        }

        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("TransactionItems"));
        assertFalse(response.body().contains("IllegalStateException"));
    }

    private ApiResponse get(String transactionId) {
        return page.handle(ApiRequests.get("/pay/3ds/" + transactionId).pathParam("transaction_id", transactionId)
                .build());
    }

    private ApiResponse post(String transactionId, String cookie, String form) {
        ApiRequests request = ApiRequests.post("/pay/3ds/" + transactionId, form)
                .header("content-type", "application/x-www-form-urlencoded")
                .pathParam("transaction_id", transactionId);
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return page.handle(request.build());
    }

    /** What the customer's browser does: load the page, then press a button. */
    private ApiResponse answer(Transaction t, String outcome) {
        ApiResponse shown = get(t.transactionId());
        String token = shown.statusCode() == 200 && shown.body().contains("csrf_token")
                ? csrfToken(shown)
                : tokens.tokenFor(t.transactionId(), "n".repeat(32));
        String cookie = shown.headers().containsKey("set-cookie") ? cookieOf(shown) : "cf_page_nonce=" + "n".repeat(32);
        return post(t.transactionId(), "theme=dark; " + cookie, "csrf_token=" + token + "&outcome=" + outcome);
    }

    /** The query parameters after the first '?' (up to any '#'). */
    private static Map<String, String> queryOf(String location) {
        String query = location.substring(location.indexOf('?') + 1);
        if (query.contains("#")) {
            query = query.substring(0, query.indexOf('#'));
        }
        return FormBody.parse(query);
    }

    private static String cookieOf(ApiResponse shown) {
        String setCookie = shown.headers().get("set-cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfToken(ApiResponse shown) {
        Matcher m = CSRF_FIELD.matcher(shown.body());
        assertTrue(m.find(), "no csrf_token field in " + shown.body());
        return m.group(1);
    }

    private static String styleNonce(ApiResponse shown) {
        Matcher m = STYLE_NONCE.matcher(shown.body());
        assertTrue(m.find(), "no style nonce in " + shown.body());
        return m.group(1);
    }

    private void assertUnchanged(Transaction t) {
        assertEquals(t, world.stored(t.transactionId()));
        assertEquals(1, world.transactions.eventsFor(t.transactionId()).size());
    }

    private List<WebhookEventType> eventTypes(Transaction t) {
        return world.transactions.eventsFor(t.transactionId()).stream().map(WebhookEvent::type).toList();
    }
}
