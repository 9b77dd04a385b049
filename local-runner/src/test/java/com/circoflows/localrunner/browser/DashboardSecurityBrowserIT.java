package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.circoflows.localrunner.e2e.E2e;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * What protects a dashboard page in the browser: a Content-Security-Policy with a fresh nonce that only
 * the page's own style and script carry and that forbids framing, no caching of signed-in pages, and a
 * session cookie no script can read and no other site's form can send. Also that the accessibility
 * check runs inside that policy and fails on what it should.
 */
@BrowserTest
class DashboardSecurityBrowserIT {
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final E2e e2e;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DashboardSecurityBrowserIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void pagesCarryANoncedPolicyThatForbidsFramingAndSignedInPagesAreNeitherStoredNorReadableByScript()
            throws Exception {
        HttpResponse<String> signUpForm = get("/dashboard/signup", null);
        assertEquals(200, signUpForm.statusCode());
        String firstNonce = assertNoncedPolicy(signUpForm);
        String visitorCookie = cookieNamed(signUpForm, "cf_dashboard_visitor");
        assertCookieIsHttpOnlyLaxOnDashboard(visitorCookie);
        assertNotEquals(firstNonce, assertNoncedPolicy(get("/dashboard/signup", null)), "a nonce per answer");

        String csrf = match(CSRF, signUpForm.body(), "the sign-up form's CSRF token");
        HttpResponse<String> signedUp = post("/dashboard/signup", visitorPair(visitorCookie), "csrf_token=" + enc(csrf)
                + "&business_name=" + enc("Header Checks Ltd") + "&email=" + enc(DashboardVisit.uniqueEmail("headers"))
                + "&password=" + enc(DashboardVisit.PASSWORD));
        assertEquals(200, signedUp.statusCode(), signedUp::body);
        assertEquals("no-store", signedUp.headers().firstValue("cache-control").orElse(null),
                "the page that shows the first key is never stored");
        assertNoncedPolicy(signedUp);
        String sessionCookie = cookieNamed(signedUp, "cf_dashboard");
        assertCookieIsHttpOnlyLaxOnDashboard(sessionCookie);

        String session = sessionCookie.substring(0, sessionCookie.indexOf(';'));
        for (String path : List.of("/dashboard/payments", "/dashboard/settings/api-keys", "/dashboard/settings/webhooks",
                "/dashboard/account", "/dashboard/team")) {
            HttpResponse<String> page = get(path, session);
            assertEquals(200, page.statusCode(), path);
            assertEquals("no-store", page.headers().firstValue("cache-control").orElse(null), path);
            assertNoncedPolicy(page);
            assertEquals("DENY", page.headers().firstValue("x-frame-options").orElse(null), path);
            assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(null), path);
        }
    }

    @Test
    void theBrowserKeepsTheSessionCookieFromScriptAndRunsNoScriptThePageDidNotNonce(Browser browser) {
        DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-security");
        dashboard.signUp("Cookie Jar Co", DashboardVisit.uniqueEmail("cookies"));
        assertEquals(Boolean.TRUE, browser.driver().executeScript(
                "return document.querySelector('[data-copy] + button') !== null;"),
                "the page's own nonce'd script ran (it adds the copy buttons)");
        Object ran = browser.driver().executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.injectedRan = true;';"
                        + "document.body.appendChild(s); return window.injectedRan === true;");
        assertEquals(Boolean.FALSE, ran, "a script element without the page's nonce is refused");

        dashboard.follow("Go to your dashboard");
        Cookie session = browser.driver().manage().getCookieNamed("cf_dashboard");
        assertNotNull(session, "signed in");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertEquals("/dashboard", session.getPath());
        Object visible = browser.driver().executeScript("return document.cookie;");
        assertFalse(String.valueOf(visible).contains("cf_dashboard"), "script sees no dashboard cookie: " + visible);
    }

    @Test
    void axeRunsInsideTheDashboardsPolicyAndFailsOnASeriousViolation(Browser browser) {
        assumeTrue(Accessibility.available(), "axe-core is not installed");
        DashboardVisit dashboard = new DashboardVisit(browser, e2e.baseUrl(), "dashboard-security");
        dashboard.open("/dashboard/login");
        assertTrue(Accessibility.check(browser.driver(), "sign-in").isEmpty(), "the sign-in page has no violation");

        browser.driver().executeScript("var i = document.createElement('input'); i.type = 'text';"
                + " document.querySelector('main').appendChild(i);");

        AssertionError failure = assertThrows(AssertionError.class,
                () -> Accessibility.check(browser.driver(), "sign-in with an unlabelled field"));
        assertTrue(failure.getMessage().contains("label [critical]"), failure.getMessage());
    }

    // ---- HTTP --------------------------------------------------------------------------------------

    /** The CSP's nonce, after checking it is the one on the page's style and script and that framing is refused. */
    private static String assertNoncedPolicy(HttpResponse<String> page) {
        String policy = page.headers().firstValue("content-security-policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        String nonce = match(NONCE, policy, "a nonce in " + policy);
        assertTrue(policy.contains("script-src 'nonce-" + nonce + "'"), policy);
        assertTrue(policy.contains("style-src 'nonce-" + nonce + "'"), policy);
        assertTrue(page.body().contains("<style nonce=\"" + nonce + "\">"), "the page's style carries the nonce");
        assertTrue(page.body().contains("<script nonce=\"" + nonce + "\">"), "the page's script carries the nonce");
        return nonce;
    }

    private static void assertCookieIsHttpOnlyLaxOnDashboard(String setCookie) {
        List<String> attributes = List.of(setCookie.split(";\\s*"));
        assertTrue(attributes.contains("HttpOnly"), setCookie);
        assertTrue(attributes.contains("SameSite=Lax"), setCookie);
        assertTrue(attributes.contains("Path=/dashboard"), setCookie);
    }

    private static String cookieNamed(HttpResponse<String> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    private static String visitorPair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String match(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "expected " + what);
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(e2e.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
