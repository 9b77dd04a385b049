package com.circoflows.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.DashboardTeam;
import com.circoflows.domain.dashboard.LoginThrottle;
import com.circoflows.domain.dashboard.PasswordHasher;
import com.circoflows.domain.dashboard.PasswordPolicy;
import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.MerchantOnboarding;
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
 * The dashboard's front door as a browser meets it: cookies, CSRF tokens, redirects, roles and the
 * security headers, over the real pages and domain services with in-memory stores.
 */
class DashboardAppTest {
    private static final String PASSWORD = "correct horse battery staple";
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
    void signUpShowsTheFirstTestKeyOnceAndSignsTheOwnerIn() {
        Browser ana = new Browser();
        ApiResponse welcome = ana.signUp("Acme Tea", "ana@acme.example");

        assertEquals(200, welcome.statusCode());
        assertTrue(Pattern.compile("cf_test_[0-9A-Za-z]{40,}").matcher(welcome.body()).find(), "the key is on the page");
        String cookie = welcome.headers().get("set-cookie");
        assertTrue(cookie.startsWith(DashboardCookies.SESSION + "="), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), cookie);
        ApiResponse keysPage = ana.get("/dashboard/settings/api-keys");
        assertEquals(200, keysPage.statusCode());
        assertFalse(Pattern.compile("cf_test_[0-9A-Za-z]{40,}").matcher(keysPage.body()).find(),
                "the full key is never shown again");
    }

    @Test
    void aCrossSitePostWithoutTheVisitorCookieCreatesNoAccount() {
        ApiResponse forged = app.handle(ApiRequests.post("/dashboard/signup",
                form(Map.of("business_name", "Evil", "email", "eve@evil.example", "password", PASSWORD))).build());

        assertEquals(403, forged.statusCode());
        assertTrue(users.findByEmail("eve@evil.example").isEmpty());
    }

    @Test
    void aSignedInPostWithoutItsOwnFormsTokenChangesNothing() {
        Browser ana = new Browser();
        ana.signUp("Acme Tea", "ana@acme.example");
        String keyId = keys.list(merchantIdOf("ana@acme.example"), com.circoflows.domain.merchant.Mode.TEST, 10, null)
                .keys().get(0).keyId();
        String otherFormsToken = ana.tokenOf(ana.get("/dashboard/settings/api-keys").body(), "/dashboard/settings/api-keys");

        ApiResponse refused = ana.post("/dashboard/settings/api-keys/" + keyId + "/revoke",
                Map.of("csrf_token", otherFormsToken, "confirm_last_key", "yes"));

        assertEquals(403, refused.statusCode());
        assertEquals("ACTIVE", keys.list(merchantIdOf("ana@acme.example"), com.circoflows.domain.merchant.Mode.TEST, 10,
                null).keys().get(0).status().name());
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndBackToThePageAfterwards() {
        new Browser().signUp("Acme Tea", "ana@acme.example");
        Browser fresh = new Browser();

        ApiResponse toLogin = fresh.get("/dashboard/settings/api-keys");
        assertEquals(303, toLogin.statusCode());
        assertEquals("/dashboard/login?next=/dashboard/settings/api-keys", toLogin.headers().get("location"));
        ApiResponse signedIn = fresh.signIn("ana@acme.example", "/dashboard/login?next=/dashboard/settings/api-keys");
        assertEquals("/dashboard/settings/api-keys", signedIn.headers().get("location"));
    }

    @Test
    void aNextParameterCannotSendTheUserToAnotherSite() {
        new Browser().signUp("Acme Tea", "ana@acme.example");
        for (String next : List.of("//evil.example", "https://evil.example", "/dashboard/../evil", "/\\evil.example")) {
            ApiResponse signedIn = new Browser().signIn("ana@acme.example",
                    "/dashboard/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            assertEquals("/dashboard/payments", signedIn.headers().get("location"), next);
        }
    }

    @Test
    void aViewerIsRefusedTheApiKeysPageAndSeesNoLinkToIt() {
        Browser owner = new Browser();
        owner.signUp("Acme Tea", "ana@acme.example");
        String team = owner.get("/dashboard/team").body();
        ApiResponse invited = owner.post("/dashboard/team/invite", Map.of("csrf_token",
                owner.tokenOf(team, "/dashboard/team/invite"), "email", "vic@acme.example", "role", "viewer"));
        Matcher setup = Pattern.compile("data-copy=\"setup password\">([^<]+)<").matcher(invited.body());
        assertTrue(setup.find(), invited.body());

        Browser viewer = new Browser();
        viewer.signIn("vic@acme.example", "/dashboard/login", setup.group(1));
        assertEquals(303, viewer.get("/dashboard/settings/api-keys").statusCode(), "the setup password comes first");
        String account = viewer.get("/dashboard/account").body();
        viewer.post("/dashboard/account/password", Map.of("csrf_token", viewer.tokenOf(account,
                "/dashboard/account/password"), "current_password", setup.group(1), "new_password", PASSWORD + " too"));

        ApiResponse keysPage = viewer.get("/dashboard/settings/api-keys");
        assertEquals(403, keysPage.statusCode());
        assertFalse(keysPage.body().contains("cf_test_"), "not even a key's prefix");
        String payments = viewer.get("/dashboard/payments").body();
        assertFalse(payments.contains("/dashboard/settings/api-keys"), "no link to the keys");
    }

    @Test
    void everyPageForbidsFramingAndRunsOnlyItsOwnNoncedScript() {
        ApiResponse page = new Browser().get("/dashboard/login");

        String csp = page.headers().get("content-security-policy");
        Matcher nonce = Pattern.compile("script-src 'nonce-([0-9A-Za-z]+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), csp);
        assertEquals("DENY", page.headers().get("x-frame-options"));
        assertEquals("no-store", page.headers().get("cache-control"));
        assertTrue(page.body().contains("<script nonce=\"" + nonce.group(1) + "\">"));
        assertFalse(page.body().contains(" style=\""), "no inline style attributes: the CSP forbids them");
    }

    @Test
    void anUnknownDashboardPathIsAPageNotFound() {
        assertEquals(404, new Browser().get("/dashboard/nothing-here").statusCode());
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

    /** Keeps the cookies a browser would and posts forms with their tokens. */
    private final class Browser {
        private final Map<String, String> jar = new LinkedHashMap<>();

        ApiResponse get(String pathAndQuery) {
            return send(request("GET", pathAndQuery, null));
        }

        ApiResponse post(String pathAndQuery, Map<String, String> fields) {
            return send(request("POST", pathAndQuery, form(fields)));
        }

        ApiResponse signUp(String business, String email) {
            String page = get("/dashboard/signup").body();
            return post("/dashboard/signup", Map.of("csrf_token", tokenOf(page, "/dashboard/signup"),
                    "business_name", business, "email", email, "password", PASSWORD));
        }

        ApiResponse signIn(String email, String pathAndQuery) {
            return signIn(email, pathAndQuery, PASSWORD);
        }

        ApiResponse signIn(String email, String pathAndQuery, String password) {
            String page = get(pathAndQuery).body();
            return post(pathAndQuery, Map.of("csrf_token", tokenOf(page, "/dashboard/login"), "email", email,
                    "password", password));
        }

        /** The token of the form whose action is {@code action} (the visitor's forms name their path). */
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
                jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
                request.header("cookie", header.toString());
            }
            if (body != null) {
                request.body(body).header("content-type", "application/x-www-form-urlencoded");
            }
            return request.build();
        }

        private ApiResponse send(ApiRequest request) {
            ApiResponse response = app.handle(request);
            String setCookie = response.headers().get("set-cookie");
            if (setCookie != null) {
                String pair = setCookie.split(";")[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    jar.remove(pair.substring(0, eq));
                } else {
                    jar.put(pair.substring(0, eq), value);
                }
            }
            assertNotNull(response.body());
            return response;
        }
    }
}
