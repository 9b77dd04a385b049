package com.circoflows.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.DashboardTeam;
import com.circoflows.domain.dashboard.LoginThrottle;
import com.circoflows.domain.dashboard.PasswordHasher;
import com.circoflows.domain.dashboard.PasswordPolicy;
import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.testing.ApiRequests;
import com.circoflows.testing.CountingSecretHasher;
import com.circoflows.testing.InMemoryApiKeyRepository;
import com.circoflows.testing.InMemoryDashboardSessionRepository;
import com.circoflows.testing.InMemoryDashboardUserRepository;
import com.circoflows.testing.InMemoryLoginAttemptStore;
import com.circoflows.testing.InMemoryMerchantRepository;
import com.circoflows.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's card-number guard (issue 16): a card number typed into any field but a password, into
 * a field's name or into the query is refused with 400 before any page sees it, and the answer never
 * shows it; a password may be anything (it is only hashed), and a 16-digit number that fails the Luhn
 * check (an order number) is ordinary text. Over the real pages with DashboardAppTest's in-memory stores.
 */
class DashboardCardNumberGuardTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CARD_DIGITS = "4111111111111111";
    private static final String CARD_WITH_SPACES = "4111 1111 1111 1111";
    private static final String CARD_WITH_DASHES = "4111-1111-1111-1111";
    /** 16 digits that fail the Luhn check: what an order or invoice number looks like. */
    private static final String ORDER_NUMBER = "1234567812345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryDashboardUserRepository users = new InMemoryDashboardUserRepository();
    private final InMemoryDashboardSessionRepository sessions = new InMemoryDashboardSessionRepository();
    private final DashboardSessionTokens tokens = new DashboardSessionTokens(new SecureRandom(), clock);
    private final DashboardAccounts accounts = new DashboardAccounts(users, sessions,
            new MerchantOnboarding(merchants, new ApiKeyIssuer(keys, CountingSecretHasher.sha256(), clock), clock),
            new PasswordPolicy(), new PasswordHasher(4), new LoginThrottle(new InMemoryLoginAttemptStore(), clock),
            tokens, Totp.standard(), clock);
    private final DashboardCookies cookies = new DashboardCookies(true);
    private final DashboardTimes times = new DashboardTimes();
    private final DashboardApp app = new DashboardApp(accounts, tokens, new VisitorFormTokens(new byte[32]), cookies,
            merchants, true, List.of(new SignInPages(accounts, cookies), new AccountPages(accounts, cookies, times),
                    new TeamPages(new DashboardTeam(users, sessions, new PasswordHasher(4), clock), times),
                    new ApiKeyPages(new ApiKeyManagement(keys, new ApiKeyIssuer(keys, CountingSecretHasher.sha256(), clock),
                            new VerifiedKeyCache(Duration.ofSeconds(60), System::nanoTime), keyId -> { }, clock), times)));

    @Test
    void aCardNumberWithSpacesAsAKeyNameIsRefusedWith400NeverShownAndNoKeyIsMade() {
        Browser owner = Browser.signedUp(this, "owner@acme.example");
        int keysBefore = keyCount("owner@acme.example");

        ApiResponse refused = owner.postForm("/dashboard/settings/api-keys", Map.of("name", CARD_WITH_SPACES));

        assertRefusedUnshown(refused, CARD_DIGITS);
        assertEquals(keysBefore, keyCount("owner@acme.example"), "no key was made");
    }

    @Test
    void aCardNumberWithDashesAsATeamInviteEmailIsRefusedWith400NeverShownAndNobodyIsInvited() {
        Browser owner = Browser.signedUp(this, "owner@acme.example");
        String email = CARD_WITH_DASHES + "@acme.example";

        ApiResponse refused = owner.postForm("/dashboard/team/invite", Map.of("email", email, "role", "viewer"));

        assertRefusedUnshown(refused, CARD_DIGITS);
        assertEquals(1, users.listByMerchant(merchantIdOf("owner@acme.example")).size(), "nobody was invited");
    }

    @Test
    void aCardNumberTypedAsTheBusinessNameAtSignUpIsRefusedWith400AndNoAccountIsMade() {
        Browser visitor = new Browser(this);
        String token = visitor.tokenOf(visitor.get("/dashboard/signup").body(), "/dashboard/signup");

        ApiResponse refused = visitor.post("/dashboard/signup", Map.of("csrf_token", token,
                "business_name", "Shop " + CARD_WITH_SPACES, "email", "shop@acme.example", "password", PASSWORD));

        assertRefusedUnshown(refused, CARD_DIGITS);
        assertTrue(users.findByEmail("shop@acme.example").isEmpty(), "no account was made");
    }

    @Test
    void aCardNumberAsAFieldsNameIsRefusedWith400() {
        Browser owner = Browser.signedUp(this, "owner@acme.example");

        ApiResponse refused = owner.postForm("/dashboard/settings/api-keys", Map.of("name", "Checkout",
                CARD_WITH_DASHES, "x"));

        assertRefusedUnshown(refused, CARD_DIGITS);
    }

    @Test
    void aCardNumberInTheQueryIsRefusedWith400AndNeverShown() {
        Browser owner = Browser.signedUp(this, "owner@acme.example");

        assertRefusedUnshown(owner.get("/dashboard/team?q=" + URLEncoder.encode(CARD_WITH_SPACES, StandardCharsets.UTF_8)),
                CARD_DIGITS);
        assertRefusedUnshown(owner.get("/dashboard/settings/api-keys?notice=" + CARD_WITH_DASHES), CARD_DIGITS);
        assertRefusedUnshown(new Browser(this).get("/dashboard/login?next=" + CARD_DIGITS), CARD_DIGITS);
    }

    @Test
    void aCardNumberAsAPasswordIsAcceptedBecausePasswordsAreOnlyHashed() {
        String password = "my card " + CARD_WITH_SPACES + " was my password";
        Browser visitor = new Browser(this);
        String token = visitor.tokenOf(visitor.get("/dashboard/signup").body(), "/dashboard/signup");

        ApiResponse welcome = visitor.post("/dashboard/signup", Map.of("csrf_token", token,
                "business_name", "Acme Tea", "email", "ana@acme.example", "password", password));

        assertEquals(200, welcome.statusCode(), () -> titleOf(welcome));
        assertNotShown(welcome, CARD_DIGITS);
        Browser again = new Browser(this);
        String signInToken = again.tokenOf(again.get("/dashboard/login").body(), "/dashboard/login");
        ApiResponse signedIn = again.post("/dashboard/login", Map.of("csrf_token", signInToken,
                "email", "ana@acme.example", "password", password));
        assertEquals(303, signedIn.statusCode(), () -> "the password signs in: " + titleOf(signedIn));
        assertEquals("/dashboard/payments", signedIn.headers().get("location"));
    }

    @Test
    void aSixteenDigitOrderNumberThatFailsLuhnIsOrdinaryText() {
        Browser owner = Browser.signedUp(this, "owner@acme.example");

        ApiResponse created = owner.postForm("/dashboard/settings/api-keys", Map.of("name", "Order " + ORDER_NUMBER));
        assertEquals(200, created.statusCode(), () -> titleOf(created));
        assertTrue(owner.get("/dashboard/settings/api-keys").body().contains("Order " + ORDER_NUMBER),
                "the key is listed under its name");

        ApiResponse searched = owner.get("/dashboard/team?q=" + ORDER_NUMBER);
        assertEquals(200, searched.statusCode(), () -> titleOf(searched));
    }

    /** 400, the dashboard's security headers, and not a digit of the number in order, whatever separates them. */
    private static void assertRefusedUnshown(ApiResponse answer, String cardDigits) {
        assertEquals(400, answer.statusCode(), () -> titleOf(answer));
        assertTrue(answer.body().contains("<h1>Card numbers can&#39;t be typed here</h1>"), () -> titleOf(answer));
        String csp = answer.headers().get("content-security-policy");
        assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"), String.valueOf(csp));
        assertEquals("no-store", answer.headers().get("cache-control"));
        assertNotShown(answer, cardDigits);
    }

    private static void assertNotShown(ApiResponse answer, String cardDigits) {
        String digitsInOrder = answer.body().replaceAll("[^0-9]", "");
        assertFalse(digitsInOrder.contains(cardDigits), () -> "the answer shows the card number: " + titleOf(answer));
        assertFalse(digitsInOrder.contains(cardDigits.substring(0, 12)), "not even its first 12 digits");
    }

    /** What a failure message shows of a page: its status and title, not its whole HTML. */
    private static String titleOf(ApiResponse answer) {
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(answer.body());
        return answer.statusCode() + " " + (title.find() ? title.group(1) : "(no title)");
    }

    private int keyCount(String email) {
        return keys.list(merchantIdOf(email), Mode.TEST, 100, null).keys().size();
    }

    private String merchantIdOf(String email) {
        return users.findByEmail(email).orElseThrow().merchantId();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Keeps the cookies a browser would and posts forms with the token their page gave. */
    private static final class Browser {
        private final DashboardCardNumberGuardTest test;
        private final Map<String, String> jar = new LinkedHashMap<>();

        Browser(DashboardCardNumberGuardTest test) {
            this.test = test;
        }

        static Browser signedUp(DashboardCardNumberGuardTest test, String email) {
            Browser browser = new Browser(test);
            String token = browser.tokenOf(browser.get("/dashboard/signup").body(), "/dashboard/signup");
            ApiResponse welcome = browser.post("/dashboard/signup", Map.of("csrf_token", token,
                    "business_name", "Acme Tea", "email", email, "password", PASSWORD));
            assertEquals(200, welcome.statusCode(), () -> titleOf(welcome));
            return browser;
        }

        ApiResponse get(String pathAndQuery) {
            return send(request("GET", pathAndQuery, null));
        }

        ApiResponse post(String path, Map<String, String> fields) {
            return send(request("POST", path, form(fields)));
        }

        /** Opens the page that holds the form posting to {@code action} and posts it with its token. */
        ApiResponse postForm(String action, Map<String, String> fields) {
            String page = get(action.startsWith("/dashboard/team") ? "/dashboard/team" : action).body();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("csrf_token", tokenOf(page, action));
            return post(action, all);
        }

        String tokenOf(String html, String action) {
            Matcher form = Pattern.compile("action=\"" + Pattern.quote(action)
                    + "(\\?[^\"]*)?\"><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"").matcher(html);
            assertTrue(form.find(), "a form posting to " + action);
            return form.group(2);
        }

        private ApiRequest request(String method, String pathAndQuery, String body) {
            int question = pathAndQuery.indexOf('?');
            String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            ApiRequests request = ApiRequests.get(path).method(method).sourceIp("203.0.113.7");
            if (question >= 0) {
                for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    request.query(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            StandardCharsets.UTF_8));
                }
            }
            if (!jar.isEmpty()) {
                StringBuilder header = new StringBuilder();
                jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                        .append(value));
                request.header("cookie", header.toString());
            }
            if (body != null) {
                request.body(body).header("content-type", "application/x-www-form-urlencoded");
            }
            return request.build();
        }

        private ApiResponse send(ApiRequest request) {
            ApiResponse response = test.app.handle(request);
            String setCookie = response.headers().get("set-cookie");
            if (setCookie != null) {
                String pair = setCookie.split(";")[0];
                int eq = pair.indexOf('=');
                if (pair.substring(eq + 1).isEmpty()) {
                    jar.remove(pair.substring(0, eq));
                } else {
                    jar.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return response;
        }
    }
}
