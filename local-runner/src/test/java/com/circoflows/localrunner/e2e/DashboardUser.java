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
 * Public for the fuzz, which sends its own bytes with this person's cookies.
 */
public final class DashboardUser {
    public static final String PASSWORD = "correct horse battery staple";
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
    public static DashboardUser signUp(E2e e2e, String business) {
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

    /** A person who already has an account, signed in through the sign-in form (no second factor). */
    public static DashboardUser signIn(E2e e2e, String email, String password) {
        DashboardUser user = new DashboardUser(e2e.baseUrl());
        user.email = email;
        Page signedIn = user.submit("/dashboard/login", "/dashboard/login", Map.of("email", email, "password", password));
        assertEquals(303, signedIn.status(), () -> "signing in " + email + ": " + signedIn.status());
        return user;
    }

    /** A visitor who has not signed in: no cookie until a page gives one. */
    public static DashboardUser visitor(E2e e2e) {
        return new DashboardUser(e2e.baseUrl());
    }

    public String email() {
        return email;
    }

    public String firstApiKey() {
        return firstApiKey;
    }

    /** The Cookie header this person's browser sends now; "" before any cookie. */
    public synchronized String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                .append(value));
        return header.toString();
    }

    /** One cookie's value, or null. */
    public synchronized String cookie(String name) {
        return cookies.get(name);
    }

    /** Keeps what Set-Cookie headers say, as a browser does: a cookie with an empty value is deleted. */
    public synchronized void keepCookies(List<String> setCookieHeaders) {
        for (String cookie : setCookieHeaders) {
            String pair = cookie.split(";")[0];
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (pair.substring(eq + 1).isEmpty()) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
    }

    public Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    /** Opens {@code pagePath}, then posts its form for {@code action} with {@code fields} and the form's token. */
    public Page submit(String pagePath, String action, Map<String, String> fields) {
        Page page = get(pagePath);
        assertEquals(200, page.status(), () -> pagePath + ": " + page.body());
        return post(action, page.tokenFor(action), fields);
    }

    public Page post(String action, String csrfToken, Map<String, String> fields) {
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
        String cookieHeader = cookieHeader();
        if (!cookieHeader.isEmpty()) {
            request.header("cookie", cookieHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("set-cookie"));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Page(int status, String body, String location) {
        /** The CSRF token of the form that posts to {@code action}. */
        public String tokenFor(String action) {
            Matcher form = Pattern.compile("action=\"" + Pattern.quote(action)
                    + "(\\?[^\"]*)?\"><input type=\"hidden\" name=\"csrf_token\" value=\"([^\"]+)\"").matcher(body);
            assertTrue(form.find(), () -> "no form posting to " + action + " in: " + body);
            return form.group(2);
        }

        public List<String> all(Pattern pattern) {
            Matcher matcher = pattern.matcher(body);
            List<String> found = new java.util.ArrayList<>();
            while (matcher.find()) {
                found.add(matcher.group());
            }
            return found;
        }
    }
}
