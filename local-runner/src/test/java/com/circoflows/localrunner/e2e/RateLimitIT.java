package com.circoflows.localrunner.e2e;

import static com.circoflows.localrunner.e2e.ApiAssertions.assertError;
import static com.circoflows.localrunner.e2e.ApiAssertions.assertRateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.circoflows.domain.ids.RandomIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reference's limits per API key and clock minute: payments 100, authentication (health) 10;
 * failed authentications 10 per key id they name.
 * Each run uses a fresh merchant, so no other test's key is throttled. Windows are fixed per clock
 * minute: a run that straddles a boundary (seen in its answers' X-RateLimit-Reset) is repeated once
 * with another fresh key; that repeat starts in a new minute and has nearly all of it, so it never
 * flakes and never waits for a window.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT {
    private E2e e2e;

    /**
     * A runner of its own: the unknown key ids below spend 127.0.0.1's failed-authentication budget on
     * purpose, and on the shared runner every class that expects 401 for a bad key in the same minute
     * would get 429. The shared E2e is asked for only so that its output capture is installed first.
     */
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
    void paymentsAllow100RequestsAMinutePerKeyAndThe101stIs429WithRetryAfter() {
        String unknown = "txn_" + RandomIds.base62(24);
        List<HttpResult> answers = withinOneWindow("Payments Rate Limit Merchant", 101,
                api -> api.status(unknown));

        for (int i = 0; i < 100; i++) {
            HttpResult answer = answers.get(i);
            assertError(answer, 404, "transaction_not_found", "invalid_request_error", null, null);
            assertEquals("100", answer.header("x-ratelimit-limit"), answer::describe);
            assertEquals(Integer.toString(99 - i), answer.header("x-ratelimit-remaining"),
                    "request " + (i + 1) + ": " + answer.describe());
        }
        assertThrottled(answers.get(100), 100);
    }

    @Test
    void healthAllows10RequestsAMinutePerKeyAndThe11thIs429() {
        List<HttpResult> answers = withinOneWindow("Health Rate Limit Merchant", 11, Api::health);

        for (int i = 0; i < 10; i++) {
            HttpResult answer = answers.get(i);
            assertEquals(200, answer.status(), answer::describe);
            assertEquals("10", answer.header("x-ratelimit-limit"), answer::describe);
            assertEquals(Integer.toString(9 - i), answer.header("x-ratelimit-remaining"), answer::describe);
        }
        assertThrottled(answers.get(10), 10);
    }

    @Test
    void oneKeyOverItsLimitDoesNotThrottleAnotherMerchant() {
        List<HttpResult> answers = withinOneWindow("Throttled Merchant", 11, Api::health);
        assertEquals(429, answers.get(10).status(), answers.get(10)::describe);

        HttpResult bystander = e2e.newMerchant("Bystander Merchant").api().health();

        assertEquals(200, bystander.status(), bystander::describe);
        assertEquals("9", bystander.header("x-ratelimit-remaining"), bystander::describe);
    }

    /**
     * Wrong secrets are counted against the key id they name, so from one address (everything here is
     * 127.0.0.1) an attacker of merchant A's key id gets 429 while merchant B, and A itself, whose
     * correct keys were never used before, are served. Unknown key ids are counted against the address,
     * and a correct key is never refused for them either.
     */
    @Test
    void wrongSecretsForOneKeyIdNeverRefuseACorrectKeyFromTheSameAddress() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            if (wrongSecretsRunInOneWindow(e2e.newMerchant("Attacked Merchant " + attempt))) {
                return;
            }
            System.out.println("e2e: rate-limit run crossed a minute boundary; repeating with a fresh key");
        }
        fail("two runs both crossed a minute boundary");
    }

    /** False, having checked nothing, when the run's answers straddled a minute boundary. */
    private boolean wrongSecretsRunInOneWindow(E2e.TestMerchant merchantA) {
        String wrongSecret = wrongSecretFor(merchantA);
        List<HttpResult> answers = callsInOneWindow(e2e.api(wrongSecret), 12, Api::health);
        if (answers == null) {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            e2e.withAuthorization("Bearer cf_test_" + RandomIds.base62(48)).health();
        }
        HttpResult merchantB = e2e.newMerchant("Bystander Behind The Same Address").api().health();
        HttpResult stillAttacked = e2e.api(wrongSecret).health();
        HttpResult merchantAItself = merchantA.api().health();
        if (!stillAttacked.header("x-ratelimit-reset").equals(answers.get(0).header("x-ratelimit-reset"))) {
            return false;
        }

        assertEquals(401, answers.get(0).status(), answers.get(0)::describe);
        assertThrottled(answers.get(11), 10);
        assertEquals(200, merchantB.status(), merchantB::describe);
        assertEquals("9", merchantB.header("x-ratelimit-remaining"),
                "merchant B's own budget: " + merchantB.describe());
        assertEquals(429, stillAttacked.status(), stillAttacked::describe);
        assertEquals(200, merchantAItself.status(), "an attacker cannot lock the key's owner out: "
                + merchantAItself.describe());
        return true;
    }

    /** The merchant's key id with a secret that is not its key's (the same one on every call). */
    private static String wrongSecretFor(E2e.TestMerchant merchant) {
        return merchant.apiKey().substring(0, 24) + "0".repeat(32);
    }

    private static void assertThrottled(HttpResult throttled, int limit) {
        long before = Instant.now().getEpochSecond() - 5;
        assertError(throttled, 429, "rate_limit_exceeded", "rate_limit_error", null, null);
        assertRateLimitHeaders(throttled, before);
        assertEquals(Integer.toString(limit), throttled.header("x-ratelimit-limit"), throttled::describe);
        assertEquals("0", throttled.header("x-ratelimit-remaining"), throttled::describe);
        String retryAfter = throttled.header("retry-after");
        assertTrue(retryAfter != null && retryAfter.matches("\\d+"), "Retry-After " + retryAfter);
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds + " is not 1..60");
        long untilReset = Long.parseLong(throttled.header("x-ratelimit-reset")) - Instant.now().getEpochSecond();
        assertTrue(Math.abs(seconds - untilReset) <= 2,
                "Retry-After " + seconds + " disagrees with X-RateLimit-Reset (in " + untilReset + " s)");
    }

    /** {@code count} calls by a fresh merchant, all inside one rate-limit window (same X-RateLimit-Reset). */
    private List<HttpResult> withinOneWindow(String merchantName, int count, Function<Api, HttpResult> call) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            Api api = e2e.newMerchant(merchantName + " " + attempt).api();
            List<HttpResult> answers = callsInOneWindow(api, count, call);
            if (answers != null) {
                return answers;
            }
            System.out.println("e2e: rate-limit run crossed a minute boundary; repeating with a fresh key");
        }
        return fail("two runs of " + count + " requests both crossed a minute boundary");
    }

    /** Null when the calls straddled a minute boundary. */
    private static List<HttpResult> callsInOneWindow(Api api, int count, Function<Api, HttpResult> call) {
        List<HttpResult> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(call.apply(api));
        }
        long windows = answers.stream().map(answer -> answer.header("x-ratelimit-reset")).distinct().count();
        return windows == 1 ? answers : null;
    }
}
