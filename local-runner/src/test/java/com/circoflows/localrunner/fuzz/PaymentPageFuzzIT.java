package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localstack.HttpRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The customer pages, /pay/{session_id} and /pay/3ds/{transaction_id}, opened and posted to as a
 * browser would (with the page's cookie and CSRF token) but with hostile forms, tokens, cookies and
 * headers (see {@link HostileForms}): HTML, a 4xx, a 200 page or a redirect where the input is
 * valid; never a 5xx, a card number or an internal. Sessions and challenges are replaced as they
 * get paid or answered. Each page meets every kind of form, and a hostile Accept-Language, {@value
 * #ROUNDS} times a run.
 */
@EndToEnd
class PaymentPageFuzzIT {
    private static final int ROUNDS = 40;
    /** The kinds of case: each form kind of each page, then each page opened with a hostile Accept-Language. */
    private static final int CELLS = HostileForms.PAYMENT_PAGE_KINDS + HostileForms.CHALLENGE_KINDS + 2;
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final String COOKIE = "cf_page_nonce=";

    private final FuzzFixtures fixtures;
    private final HttpRoute createSession;
    private final HttpRoute createPayment;
    private final HttpRoute showPaymentPage;
    private final HttpRoute postPaymentPage;
    private final HttpRoute showChallenge;
    private final HttpRoute postChallenge;
    private OpenPage paymentPage;
    private OpenPage challenge;

    PaymentPageFuzzIT(E2e e2e) {
        this.fixtures = FuzzFixtures.of(e2e);
        this.createSession = route("POST", "/api/hosted-payment");
        this.createPayment = route("POST", "/api/direct-payment");
        this.showPaymentPage = route("GET", "/pay/{session_id}");
        this.postPaymentPage = route("POST", "/pay/{session_id}");
        this.showChallenge = route("GET", "/pay/3ds/{transaction_id}");
        this.postChallenge = route("POST", "/pay/3ds/{transaction_id}");
    }

    @Test
    void hostileFormsAndHeadersOnThePaymentAndChallengePagesGetAPageNeverAnError() {
        FuzzProperty.Cases cases = (random, strata) -> {
            int cell = strata.choose(CELLS);
            if (paymentPage == null || random.nextInt(25) == 0) {
                paymentPage = open(showPaymentPage, sessionPath());
            }
            if (challenge == null || random.nextInt(10) == 0) {
                challenge = open(showChallenge, challengePath());
            }
            int formKinds = HostileForms.PAYMENT_PAGE_KINDS + HostileForms.CHALLENGE_KINDS;
            boolean onChallenge = cell >= formKinds ? cell == formKinds + 1 : cell >= HostileForms.PAYMENT_PAGE_KINDS;
            OpenPage page = onChallenge ? challenge : paymentPage;
            if (cell >= formKinds) {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                headers.add(Map.entry("Cookie", COOKIE + page.nonce));
                headers.add(Map.entry("Accept-Language", HostileHeaders.headerSafe(Gen.oneOf(HostileText.SHORT,
                        Gen.elements("de-DE", "ar-EG;q=0.9", "*", "zz-ZZ-x-private", "en-US,en;q=abc", ";;;"))
                        .next(random))));
                return FuzzCase.of("page opened with a hostile Accept-Language", onChallenge ? showChallenge
                        : showPaymentPage, page.path, headers, null, null);
            }
            HostileForms.Form form = (onChallenge
                    ? HostileForms.challengePage(page.csrf, page.nonce, cell - HostileForms.PAYMENT_PAGE_KINDS)
                    : HostileForms.paymentPage(page.csrf, page.nonce, cell)).next(random);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Content-Type", random.nextInt(12) == 0 ? "application/json"
                    : "application/x-www-form-urlencoded"));
            if (form.withCookie()) {
                headers.add(Map.entry("Cookie", COOKIE + form.cookieNonce()));
            }
            return FuzzCase.of((onChallenge ? "challenge " : "payment page ") + form.kind(),
                    onChallenge ? postChallenge : postPaymentPage, page.path, headers, form.body(), null);
        };

        FuzzProperty.forAll("payment and challenge pages", CELLS, ROUNDS, cases, fixtures);
    }

    /** A new session's page path, made by a pool merchant. */
    private String sessionPath() {
        E2e.TestMerchant merchant = fixtures.merchantFor(createSession);
        HttpResult created = merchant.api().post(createSession.path(), MerchantObjects.SESSION_BODY);
        fixtures.keys().observe(merchant.apiKey(), createSession, created);
        return URI.create(created.data().path("payment_url").asText()).getRawPath();
    }

    /** A new 3-D Secure payment's challenge page path, made by a pool merchant. */
    private String challengePath() {
        E2e.TestMerchant merchant = fixtures.merchantFor(createPayment);
        HttpResult paid = merchant.api().pay(Payments.card(Payments.THREE_D_SECURE, ValidBodies.CVV));
        fixtures.keys().observe(merchant.apiKey(), createPayment, paid);
        return URI.create(paid.data().path("action_data").path("3ds_url").asText()).getRawPath();
    }

    private OpenPage open(HttpRoute route, String path) {
        HttpResult shown = fixtures.send(FuzzCase.of("open the page", route, path, List.of(), null, null));
        fixtures.check(FuzzCase.of("open the page", route, path, List.of(), null, null), shown);
        String nonce = shown.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith(COOKIE))
                .map(cookie -> cookie.substring(COOKIE.length()).split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no page cookie: " + shown.describe()));
        Matcher token = CSRF_INPUT.matcher(shown.body());
        if (!token.find()) {
            throw new AssertionError("no csrf_token on the page: " + shown.describe());
        }
        return new OpenPage(path, nonce, token.group(1));
    }

    private HttpRoute route(String method, String path) {
        return fixtures.routes().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + method + " " + path));
    }

    private record OpenPage(String path, String nonce, String csrf) {
    }
}
