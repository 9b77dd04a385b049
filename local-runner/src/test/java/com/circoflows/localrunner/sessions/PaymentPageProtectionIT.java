package com.circoflows.localrunner.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.Payments;
import com.circoflows.localrunner.e2e.SentCardData;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.Test;

/**
 * The hosted page over real HTTP, as a browser without JavaScript uses it: it stops sending cards to
 * the gateway after too many declines, and names a merchant's upper-case return URL in its CSP.
 */
@EndToEnd
class PaymentPageProtectionIT {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final String COOKIE = "cf_page_nonce=";
    private static final String CVC = SentCardData.cvv("731");

    private final E2e e2e;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PaymentPageProtectionIT(E2e e2e) {
        this.e2e = e2e;
    }

    @Test
    void afterFiveDeclinesTheSixthSubmissionIsRefusedWith429UntilAGivenTimeAndNoCardIsCharged() throws Exception {
        Api merchant = e2e.newMerchant("Paused Checkout Shop").api();
        String sessionId = SessionsE2e.createSession(merchant, SessionsE2e.minimalRequest());
        OpenPage page = open(sessionId);

        for (int i = 1; i <= 4; i++) {
            assertEquals(402, submit(page, Payments.DECLINED).statusCode(), "decline " + i);
        }
        HttpResponse<String> fifth = submit(page, Payments.DECLINED);
        HttpResponse<String> sixth = submit(page, Payments.SUCCESS);

        assertEquals(429, fifth.statusCode(), fifth.body());
        assertEquals(429, sixth.statusCode(), sixth.body());
        assertTrue(sixth.body().contains("<h1>Too many attempts to pay</h1>"), sixth.body());
        assertTrue(sixth.body().matches("(?s).*is paused until <strong>[^<]+ UTC</strong>.*"), sixth.body());
        assertTrue(sixth.headers().firstValue("retry-after").isPresent(), sixth.headers().toString());
        assertEquals(429, get(sessionId).statusCode(), "opening the page says so too");
        assertEquals("pending", SessionsE2e.status(merchant, sessionId).data().path("status").asText(),
                "the 4242 card of the sixth submission was never charged");
    }

    @Test
    void anUpperCaseReturnUrlIsStoredInLowerCaseAndItsOriginIsInFormActionAndLocallyThereIsNoHsts() throws Exception {
        Api merchant = e2e.newMerchant("Upper Case Return Shop").api();
        ObjectNode request = SessionsE2e.minimalRequest();
        request.put("return_url", "HTTPS://Shop.Example:8443/Done?ref=A");
        String sessionId = SessionsE2e.createSession(merchant, request);

        HttpResponse<String> shown = get(sessionId);
        String csp = shown.headers().firstValue("content-security-policy").orElseThrow();
        HttpResponse<String> paid = submit(page(sessionId, shown), Payments.SUCCESS);

        assertTrue(csp.contains("form-action 'self' https://shop.example:8443;"), csp);
        assertFalse(shown.headers().firstValue("strict-transport-security").isPresent(),
                "local mode serves plain http: " + shown.headers());
        assertEquals(303, paid.statusCode(), paid.body());
        assertTrue(paid.headers().firstValue("location").orElseThrow()
                .startsWith("https://shop.example:8443/Done?ref=A&session_id=" + sessionId), paid.headers().toString());
    }

    private OpenPage open(String sessionId) throws IOException, InterruptedException {
        return page(sessionId, get(sessionId));
    }

    private static OpenPage page(String sessionId, HttpResponse<String> shown) {
        assertEquals(200, shown.statusCode(), shown.body());
        Matcher token = CSRF.matcher(shown.body());
        assertTrue(token.find(), shown.body());
        String cookie = shown.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(COOKIE))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        return new OpenPage(sessionId, token.group(1), cookie);
    }

    private HttpResponse<String> get(String sessionId) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + "/pay/" + sessionId))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(OpenPage page, String card) throws IOException, InterruptedException {
        String form = "csrf_token=" + enc(page.csrf) + "&email=" + enc("jane@example.com") + "&card_number="
                + enc(SentCardData.pan(card)) + "&expiry=" + enc("12 / 30") + "&cvc=" + enc(CVC) + "&cardholder_name="
                + enc("Jane Smith");
        return browser.send(HttpRequest.newBuilder(URI.create(e2e.baseUrl() + "/pay/" + page.sessionId))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", page.cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record OpenPage(String sessionId, String csrf, String cookie) {
    }
}
