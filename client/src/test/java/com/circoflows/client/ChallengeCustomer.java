package com.circoflows.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer on the test-mode 3-D Secure challenge page, as their browser takes it: opens the
 * {@code 3ds_url} (keeping the page's {@code cf_page_nonce} cookie and the form's {@code csrf_token}) and
 * posts the form back with the chosen button.
 */
final class ChallengeCustomer {
    private static final String NONCE_COOKIE = "cf_page_nonce";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Presses "Authenticate"; returns the page's answer (200, or a redirect to the return_url). */
    HttpResponse<String> authenticate(String challengeUrl) {
        return take(challengeUrl, "authenticate");
    }

    /** Presses "Fail authentication". */
    HttpResponse<String> failAuthentication(String challengeUrl) {
        return take(challengeUrl, "fail");
    }

    private HttpResponse<String> take(String challengeUrl, String outcome) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(challengeUrl)).GET());
        if (page.statusCode() != 200) {
            throw new AssertionError("the challenge page answered " + page.statusCode());
        }
        String nonce = page.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith(NONCE_COOKIE + "="))
                .map(cookie -> cookie.substring(NONCE_COOKIE.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("the challenge page set no " + NONCE_COOKIE + " cookie"));
        Matcher csrf = CSRF_INPUT.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("the challenge page has no csrf_token in its form");
        }
        String form = "csrf_token=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                + "&outcome=" + URLEncoder.encode(outcome, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(challengeUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", NONCE_COOKIE + "=" + nonce)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("the challenge page did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted on the challenge page", e);
        }
    }
}
