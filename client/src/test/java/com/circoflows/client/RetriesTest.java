package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.model.CaptureParams;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.Payment;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private static final String CARD_NUMBER = "4242424242424242";

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static CardPaymentParams card() {
        return CardPaymentParams.builder().amount(15000).currency("USD").cardNumber(CARD_NUMBER)
                .expiry(12, 2030).cvv("123").build();
    }

    @Test
    void aDroppedConnectionAndA500AreRetriedWithTheSameIdempotencyKey() {
        api.dropConnection().answer(500, Answers.SERVER_ERROR).answer(200, Answers.COMPLETED);

        Payment payment = api.client().build().payments().create(card());

        assertEquals("completed", payment.getStatus());
        assertEquals(3, api.requests().size());
        String key = api.requests().get(0).header("Idempotency-Key");
        assertNotNull(key);
        assertTrue(api.requests().stream().allMatch(r -> key.equals(r.header("Idempotency-Key"))),
                "every attempt carries the first attempt's key");
        assertEquals(1, api.requests().stream().map(FakeApi.Recorded::body).distinct().count(),
                "every attempt sends the byte-identical body, so the API replays instead of charging");
        assertEquals(2, api.sleeps.size());
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter() {
        api.answer(429, Answers.RATE_LIMITED, Map.of("Retry-After", "1")).answer(200, Answers.COMPLETED);

        api.client().build().payments().create(card());

        assertEquals(2, api.requests().size());
        assertEquals(1, api.sleeps.size());
        assertTrue(api.sleeps.get(0).compareTo(Duration.ofSeconds(1)) >= 0, "waited " + api.sleeps.get(0));
    }

    @Test
    void anIdempotencyKeyStillInUseIsRetried() {
        api.answer(409, Answers.KEY_IN_USE).answer(200, Answers.COMPLETED);

        assertEquals("completed", api.client().build().payments().create(card()).getStatus());
        assertEquals(2, api.requests().size());
    }

    @Test
    void anInvalidTransactionStateIsFinal() {
        api.answer(409, Answers.INVALID_STATE);

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> api.client().build().payments().capture("txn_KxbXNBMSQnF8wV3zCCqKhp4y", CaptureParams.all()));

        assertEquals("invalid_transaction_state", error.getCode());
        assertEquals(409, error.getHttpStatus());
        assertEquals(1, api.requests().size());
    }

    @Test
    void aDeclineIsACardExceptionAfterOneRequest() {
        api.answer(400, Answers.DECLINED);

        CardException declined = assertThrows(CardException.class, () -> api.client().build().payments().create(card()));

        assertEquals("card_declined", declined.getCode());
        assertEquals("generic_decline", declined.getDeclineCode());
        assertEquals("txn_AtXJXYXS6bR1yWZQvCt42yTq", declined.getTransactionId());
        assertEquals("card_error", declined.getType());
        assertEquals("req_1", declined.getRequestId());
        assertEquals(1, api.requests().size());
        assertFalse(declined.toString().contains(CARD_NUMBER));
        assertFalse(declined.getMessage().contains("cvv"));
    }

    @Test
    void retriesStopAtMaxNetworkRetriesWithTheLastError() {
        api.answer(500, Answers.SERVER_ERROR).answer(500, Answers.SERVER_ERROR).answer(503, Answers.SERVER_ERROR)
                .answer(200, Answers.COMPLETED);

        ApiException error = assertThrows(ApiException.class, () -> api.client().build().payments().create(card()));

        assertEquals(503, error.getHttpStatus());
        assertEquals(3, api.requests().size(), "one attempt and maxNetworkRetries (2) retries");
    }

    @Test
    void connectionFailuresEndInApiConnectionException() {
        api.dropConnection().dropConnection();

        ApiConnectionException error = assertThrows(ApiConnectionException.class,
                () -> api.client().maxNetworkRetries(1).build().payments().create(card()));

        assertEquals(2, api.requests().size());
        assertFalse(error.toString().contains(CARD_NUMBER));
    }

    @Test
    void backoffIsExponentialWithFullJitterUnderTheCap() {
        for (int i = 0; i < 9; i++) {
            api.answer(500, Answers.SERVER_ERROR);
        }
        assertThrows(ApiException.class, () -> api.client().maxNetworkRetries(8).build().payments().create(card()));

        for (int retry = 0; retry < api.sleeps.size(); retry++) {
            long bound = Math.min(500L << retry, 8000L);
            long waited = api.sleeps.get(retry).toMillis();
            assertTrue(waited >= 0 && waited <= bound, "retry " + retry + " waited " + waited + " ms");
        }
        assertEquals(8, api.sleeps.size());
    }

    @Test
    void getsCarryNoIdempotencyKeyAndTheApiKey() {
        api.answer(200, Answers.COMPLETED);

        api.client().build().payments().retrieve("txn_KxbXNBMSQnF8wV3zCCqKhp4y");

        FakeApi.Recorded get = api.requests().get(0);
        assertEquals("GET", get.method());
        assertEquals("/api/direct-payment/txn_KxbXNBMSQnF8wV3zCCqKhp4y", get.pathAndQuery());
        assertNull(get.header("Idempotency-Key"));
        assertEquals("Bearer cf_test_fakefakefakefake", get.header("Authorization"));
    }

    @Test
    void aCallersIdempotencyKeyIsUsedAsIs() {
        api.answer(500, Answers.SERVER_ERROR).answer(200, Answers.COMPLETED);

        api.client().build().payments().create(card(), RequestOptions.idempotencyKey("order-1234-attempt"));

        assertEquals("order-1234-attempt,order-1234-attempt", api.requests().stream()
                .map(r -> r.header("Idempotency-Key")).collect(Collectors.joining(",")));
    }

    @Test
    void twoCallsGetTwoKeys() {
        api.answer(200, Answers.COMPLETED).answer(200, Answers.COMPLETED);
        CircoFlowsClient client = api.client().build();

        client.payments().create(card());
        client.payments().create(card());

        assertFalse(api.requests().get(0).header("Idempotency-Key")
                .equals(api.requests().get(1).header("Idempotency-Key")), "a new call is a new payment");
    }

    @Test
    void aTooLongRetryAfterIsLeftToTheCaller() {
        api.answer(429, Answers.RATE_LIMITED, Map.of("Retry-After", "3600"));

        assertThrows(RateLimitException.class, () -> api.client().build().payments().create(card()));
        assertEquals(1, api.requests().size());
    }

    @Test
    void anAnswerWithoutTheEnvelopeIsClassedByStatus() {
        api.answer(404, "{\"message\":\"Not Found\"}");

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> api.client().build().payments().retrieve("txn_x"));
        assertEquals(404, error.getHttpStatus());
        assertNull(error.getCode());
    }
}
