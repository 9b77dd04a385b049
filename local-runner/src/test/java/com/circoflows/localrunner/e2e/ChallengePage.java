package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 3-D Secure challenge page as a browser uses it: GET keeps the cf_page_nonce cookie and the
 * form's csrf_token; the form is posted back form-urlencoded with both.
 */
final class ChallengePage {
    static final String COOKIE = "cf_page_nonce";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final E2e e2e;
    private final String url;
    private final HttpResult shown;
    private final String nonce;
    private final String csrfToken;

    private ChallengePage(E2e e2e, String url, HttpResult shown, String nonce, String csrfToken) {
        this.e2e = e2e;
        this.url = url;
        this.shown = shown;
        this.nonce = nonce;
        this.csrfToken = csrfToken;
    }

    /** GET the 3ds_url; asserts a 200 HTML page with a form token and the nonce cookie. */
    static ChallengePage open(E2e e2e, String url) {
        HttpResult shown = get(e2e, url);
        assertEquals(200, shown.status(), shown::describe);
        assertTrue(shown.header("content-type").startsWith("text/html"), shown::describe);
        String nonce = shown.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith(COOKIE + "="))
                .map(cookie -> cookie.substring(COOKIE.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElse(null);
        assertNotNull(nonce, () -> "no " + COOKIE + " cookie: " + shown.headers().map());
        Matcher token = CSRF_INPUT.matcher(shown.body());
        assertTrue(token.find(), () -> "no csrf_token input: " + shown.describe());
        return new ChallengePage(e2e, url, shown, nonce, token.group(1));
    }

    static HttpResult get(E2e e2e, String url) {
        return Api.send(e2e, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    HttpResult html() {
        return shown;
    }

    String nonce() {
        return nonce;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** Presses "Authenticate" (outcome=authenticate) or "Fail authentication" (outcome=fail). */
    HttpResult choose(String outcome) {
        return post(e2e, url, "csrf_token=" + encode(csrfToken) + "&outcome=" + encode(outcome), COOKIE + "=" + nonce);
    }

    /** A raw form post; {@code cookieHeader} null sends no cookie. */
    static HttpResult post(E2e e2e, String url, String form, String cookieHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        return Api.send(e2e, request.build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
