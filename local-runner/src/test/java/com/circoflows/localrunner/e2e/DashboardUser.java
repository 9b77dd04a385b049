package com.circoflows.localrunner.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.ids.RandomIds;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the dashboard over real HTTP, as a browser without JavaScript does: it keeps the
 * cookies it is given, follows no redirect by itself, and posts forms with the CSRF token the page gave.
 */
final class DashboardUser {
    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern API_KEY = Pattern.compile("cf_test_[0-9A-Za-z]{40,}");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String email;
    private String firstApiKey;

    DashboardUser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A new merchant's owner, signed up through the form; its first test key is kept from the welcome page. */
    static DashboardUser signUp(E2e e2e, String business) {
        DashboardUser user = new DashboardUser(e2e.baseUrl());
        user.email = "owner-" + RandomIds.base62(10).toLowerCase(java.util.Locale.ROOT) + "@example.com";
        Page welcome = user.submit("/dashboard/signup", "/dashboard/signup",
                Map.of("business_name", business, "email", user.email, "password", PASSWORD));
        assertEquals(200, welcome.status(), welcome.body());
        Matcher key = API_KEY.matcher(welcome.body());
        assertTrue(key.find(), "the welcome page shows the first key");
        user.firstApiKey = key.group();
        return user;
    }

    String email() {
        return email;
    }

    String firstApiKey() {
        return firstApiKey;
    }

    Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    /** Opens {@code pagePath}, then posts its form for {@code action} with {@code fields} and the form's token. */
    Page submit(String pagePath, String action, Map<String, String> fields) {
        Page page = get(pagePath);
        assertEquals(200, page.status(), () -> pagePath + ": " + page.body());
        return post(action, page.tokenFor(action), fields);
    }

    Page post(String action, String csrfToken, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.put("csrf_token", csrfToken);
        }
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("cookie", header.toString());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("set-cookie")) {
                String pair = cookie.split(";")[0];
                int eq = pair.indexOf('=');
                if (pair.substring(eq + 1).isEmpty()) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Page(int status, String body, String location) {
        /** The CSRF token of the form that posts to {@code action}. */
        String tokenFor(String action) {
            Matcher form = Pattern.compile("action=\"" + Pattern.quote(action)
                    + "(\\?[^\"]*)?\"><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"").matcher(body);
            assertTrue(form.find(), () -> "no form posting to " + action + " in: " + body);
            return form.group(2);
        }

        List<String> all(Pattern pattern) {
            Matcher matcher = pattern.matcher(body);
            List<String> found = new java.util.ArrayList<>();
            while (matcher.find()) {
                found.add(matcher.group());
            }
            return found;
        }
    }
}
