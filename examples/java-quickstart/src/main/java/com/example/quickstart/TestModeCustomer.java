package com.example.quickstart;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the customer on the test-mode 3-D Secure challenge page, so the quickstart runs unattended.
 *
 * <p>Not part of an integration: a real one redirects the customer's browser to the payment's 3-D Secure
 * URL, the customer authenticates with their bank, and comes back to your {@code return_url}. The
 * test-mode page stands in for the bank: a form with "Authenticate" and "Fail authentication", protected
 * by a CSRF token tied to a cookie, which is what this class sends back, as a browser would.
 */
final class TestModeCustomer {
    private static final String NONCE_COOKIE = "cf_page_nonce";
    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient browser = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Opens the challenge page and presses "Authenticate"; throws when the page does not accept it. */
    void authenticate(String threeDSecureUrl) throws IOException, InterruptedException {
        URI page = URI.create(threeDSecureUrl);
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(page).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (shown.statusCode() != 200) {
            throw new IOException("the 3-D Secure page answered " + shown.statusCode());
        }
        String nonce = nonceCookie(shown).orElseThrow(() -> new IOException("the 3-D Secure page set no "
                + NONCE_COOKIE + " cookie"));
        Matcher token = CSRF_TOKEN.matcher(shown.body());
        if (!token.find()) {
            throw new IOException("the 3-D Secure page has no challenge form (already answered?)");
        }
        String form = "csrf_token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&outcome=authenticate";
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(page).timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", NONCE_COOKIE + "=" + nonce)
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // 200: "Authentication complete"; 303: the page sends the customer on to the payment's return_url.
        if (answered.statusCode() != 200 && answered.statusCode() != 303) {
            throw new IOException("the 3-D Secure page refused the answer with " + answered.statusCode());
        }
    }

    private static Optional<String> nonceCookie(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("set-cookie")) {
            if (cookie.startsWith(NONCE_COOKIE + "=")) {
                return Optional.of(cookie.substring(NONCE_COOKIE.length() + 1).split(";", 2)[0]);
            }
        }
        return Optional.empty();
    }
}
