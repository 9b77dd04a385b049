package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API keys on /api, and the X-RateLimit-* headers every /api answer carries. Failed authentications
 * are limited to 10 a minute per key id they name, or per client address for key ids nobody has;
 * every test comes from 127.0.0.1, where other classes (the fuzzers) also send unknown key ids. The
 * class has a runner of its own, so that address's budget is the class's alone: its few unknown keys
 * are never refused for another class's, whatever the minute.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {
    private E2e e2e;

    /** The shared E2e is asked for only so that its output capture is installed before this runner prints. */
    @BeforeAll
    void startOwnRunner(E2e sharedSuiteCapturesOutput) {
        e2e = E2e.startSeparate(E2e.sharedOptions());
    }

    @AfterAll
    void stopOwnRunner() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void requestWithoutAuthorizationIs401AuthenticationFailedWithRateLimitHeaders() {
        long before = Instant.now().getEpochSecond();
        HttpResult refused = e2e.withAuthorization(null).get("/api/direct-payment/txn_000000000000000000000000");

        assertError(refused, 401, "authentication_failed", "authentication_error", null, null);
        assertRateLimitHeaders(refused, before);
    }

    @Test
    void wrongMalformedBasicAndTamperedKeysAreAll401AuthenticationFailed() {
        String demoKey = e2e.runner().demoApiKey();
        String otherSecret = demoKey.substring(0, "cf_test_".length() + 16) + RandomIds.base62(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("unknown well-formed key", "Bearer cf_test_" + RandomIds.base62(48));
        headers.put("malformed key", "Bearer cf_test_short");
        headers.put("foreign key format", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc");
        headers.put("Basic scheme", "Basic xyz");
        headers.put("demo key id with another secret", "Bearer " + otherSecret);
        headers.put("demo key as a live key", "Bearer " + demoKey.replace("cf_test_", "cf_live_"));

        headers.forEach((what, header) -> {
            long before = Instant.now().getEpochSecond();
            HttpResult refused = e2e.withAuthorization(header).health();
            assertError(refused, 401, "authentication_failed", "authentication_error", null, null);
            assertRateLimitHeaders(refused, before);
            assertEquals(401, refused.status(), what);
        });
        HttpResult after = e2e.demo().status("txn_000000000000000000000000");
        assertEquals(404, after.status(), "the demo key still works after a wrong secret for its key id: "
                + after.describe());
    }

    /** 200 health is checked in QuickStartIT, 401 above, 429 in RateLimitIT. */
    @Test
    void everyApiAnswerCarriesRateLimitHeaders() {
        Api demo = e2e.demo();
        HttpResult first = demo.pay(Payments.card(Payments.SUCCESS, "314"));
        String id = first.data().path("transaction_id").asText();
        String gatewayId = first.data().path("gateway_transaction_id").asText();
        Map<String, HttpResult> answers = new LinkedHashMap<>();
        long before = Instant.now().getEpochSecond();
        answers.put("200 status", demo.status(id));
        answers.put("200 payment", demo.pay(Payments.card(Payments.SUCCESS, "315")));
        answers.put("202 3DS", demo.pay(Payments.card(Payments.THREE_D_SECURE, "316")));
        answers.put("400 card error", demo.pay(Payments.card(Payments.DECLINED, "317")));
        answers.put("400 bad JSON", demo.post("/api/direct-payment", "{"));
        answers.put("404 unknown", demo.status("txn_000000000000000000000000"));
        answers.put("400 confirm with a wrong gateway_id",
                demo.confirm3ds(id, "success", "gw_000000000000000000000000"));
        answers.put("409 confirm without 3DS", demo.confirm3ds(id, "success", gatewayId));

        answers.forEach((what, answer) -> assertRateLimitHeaders(answer, before));
        assertEquals(200, answers.get("200 status").status());
        assertEquals(200, answers.get("200 payment").status());
        assertEquals(202, answers.get("202 3DS").status());
        assertEquals(400, answers.get("400 card error").status());
        assertEquals(400, answers.get("400 bad JSON").status());
        assertEquals(404, answers.get("404 unknown").status());
        assertEquals(400, answers.get("400 confirm with a wrong gateway_id").status());
        assertEquals(409, answers.get("409 confirm without 3DS").status());
        assertEquals("100", answers.get("404 unknown").header("x-ratelimit-limit"), "payments class: 100/min");
    }
}
