package com.circoflows.localrunner.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.e2e.E2e;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A session is paid at most once, however many windows or requests submit at the same moment. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoubleSubmitBrowserIT {
    private final Sessions sessions;
    private final MerchantSite site = MerchantSite.start();

    DoubleSubmitBrowserIT(E2e e2e) {
        this.sessions = new Sessions(e2e, e2e.newMerchant("Browser Double Shop"));
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @Test
    void twoWindowsPayingAtTheSameMomentMakeExactlyOneCompletedTransaction(Browser first) throws Exception {
        JsonNode session = sessions.create(site.returnUrl("D-1"));
        String sessionId = session.path("session_id").asText();
        String url = session.path("payment_url").asText();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Browser second = Browser.start()) {
            List<Browser> windows = List.of(first, second);
            CheckoutPage.open(first, url).enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "341");
            CheckoutPage.open(second, url).enterCard(CheckoutPage.SUCCESS, CheckoutPage.EXPIRY, "342");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Object>> clicks = new ArrayList<>();
            for (Browser window : windows) {
                clicks.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    CheckoutPage.on(window).pay();
                    return null;
                }));
            }
            for (Future<Object> click : clicks) {
                click.get(30, TimeUnit.SECONDS);
            }

            // The window that lost sees "being processed", which checks again and then goes back to the merchant.
            for (Browser window : windows) {
                window.await(driver -> driver.getCurrentUrl().startsWith(site.origin() + MerchantSite.RETURN_PATH));
                assertEquals("completed", HostedPaymentBrowserIT.query(URI.create(window.url())).get("status"));
            }
        } finally {
            threads.shutdownNow();
        }
        assertExactlyOneCompletedTransaction(sessionId);
    }

    @Test
    void theSameFormPostedFiveTimesAtOnceChargesOnce(Browser browser) throws Exception {
        JsonNode session = sessions.create(site.returnUrl("D-2"));
        String sessionId = session.path("session_id").asText();
        String url = session.path("payment_url").asText();
        CheckoutPage.open(browser, url);
        Cookie nonce = browser.driver().manage().getCookieNamed("cf_page_nonce");
        String token = browser.find(By.name("csrf_token")).getAttribute("value");
        String form = "csrf_token=" + encode(token) + "&email=" + encode("jane@example.com")
                + "&card_number=" + encode(CheckoutPage.SUCCESS) + "&expiry=" + encode(CheckoutPage.EXPIRY)
                + "&cvc=343&cardholder_name=" + encode("Jane Smith");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(5);
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Callable<HttpResponse<String>> post = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "cf_page_nonce=" + nonce.getValue())
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofString());
                };
                posts.add(threads.submit(post));
            }
            for (Future<HttpResponse<String>> post : posts) {
                answers.add(post.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        String paidLocation = site.returnUrl("D-2") + "&session_id=" + sessionId + "&status=completed";
        for (HttpResponse<String> answer : answers) {
            boolean paid = answer.statusCode() == 303
                    && paidLocation.equals(answer.headers().firstValue("location").orElse(""));
            boolean busy = answer.statusCode() == 409 && answer.body().contains("Your payment is being processed");
            assertTrue(paid || busy, () -> answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
            assertTrue(!answer.body().contains("4242"), "no card number in any answer");
        }
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 303), "one of them paid");
        assertExactlyOneCompletedTransaction(sessionId);
    }

    private void assertExactlyOneCompletedTransaction(String sessionId) {
        List<Map<String, AttributeValue>> transactions = sessions.transactionsOf(sessionId);
        assertEquals(1, transactions.size(), () -> "one charge for the session, found " + transactions.size());
        assertEquals("completed", transactions.get(0).get("status").s());
        JsonNode status = sessions.status(sessionId);
        assertEquals("completed", status.path("status").asText(), status::toString);
        assertEquals(transactions.get(0).get("transaction_id").s(), status.path("transaction_id").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
