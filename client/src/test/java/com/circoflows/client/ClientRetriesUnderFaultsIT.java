package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.client.FaultProxy.Attempt;
import com.circoflows.client.FaultProxy.Fault;
import com.circoflows.client.model.CardPaymentParams;
import com.circoflows.client.model.Payment;
import com.circoflows.client.model.PaymentListParams;
import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.circoflows.localrunner.e2e.E2e;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's promise under injected failures, against the real API: whatever happens between the
 * merchant and the API (the charge's answer lost on the way back, 503s and a 429 from in front of the API,
 * two identical requests racing), the merchant ends up with one payment and one transaction id, and an
 * error it cannot retry away says so with what it knows. A {@link FaultProxy} stands between the client
 * and the local runner ({@link SharedLocalRunner}); the payments are a merchant's of this class's own, and
 * what was charged is counted through the API's own list, by an order id in the metadata that only one
 * test uses.
 */
@ExtendWith(SharedLocalRunner.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRetriesUnderFaultsIT {
    private static final String SUCCESS_CARD = "4242424242424242";
    private static final String SERVICE_UNAVAILABLE = "{\"success\":false,\"error\":{\"code\":\"service_unavailable\","
            + "\"message\":\"The service is temporarily unavailable; retry the request.\",\"type\":\"api_error\"}}";
    private static final String RATE_LIMITED = "{\"success\":false,\"error\":{\"code\":\"rate_limit_exceeded\","
            + "\"message\":\"Too many requests, try again later.\",\"type\":\"rate_limit_error\"}}";
    /** Races until one meets the runner's 409; one almost always does, on a loaded machine even more so. */
    private static final int MAX_RACES = 8;

    private final String apiKey;
    private final FaultProxy proxy;
    /** Straight to the runner: what the merchant's dashboard would show. */
    private final CircoFlowsClient direct;

    ClientRetriesUnderFaultsIT(E2e e2e) {
        this.apiKey = e2e.newMerchant("Client Retries Merchant").apiKey();
        this.proxy = FaultProxy.inFrontOf(e2e.baseUrl());
        this.direct = clientOf(e2e.baseUrl(), 0, RecordedWaits.takenUpTo(Duration.ZERO));
    }

    @AfterAll
    void stopProxy() {
        proxy.close();
    }

    @BeforeEach
    void freshProxy() {
        proxy.reset();
    }

    @Test
    void aChargeWhoseAnswerWasLostIsReplayedOnTheRetryWithTheSameTransactionId() {
        String order = newOrder();
        proxy.loseTheAnswer(1);

        Payment payment = throughProxy(2, RecordedWaits.takenUpTo(Duration.ofMillis(50))).payments().create(card(order));

        assertEquals("completed", payment.getStatus());
        List<Attempt> attempts = proxy.attempts();
        assertEquals(2, attempts.size(), attempts::toString);
        Attempt lost = attempts.get(0);
        Attempt retry = attempts.get(1);
        assertEquals(Fault.ANSWER_LOST, lost.fault(), attempts::toString);
        assertEquals(200, lost.runnerStatus(), "the runner charged before the answer was lost: " + attempts);
        assertFalse(lost.replayed(), attempts::toString);
        assertEquals(lost.idempotencyKey(), retry.idempotencyKey(), "the retry carries the same Idempotency-Key");
        assertTrue(retry.replayed(), "the runner replayed the lost answer instead of charging again: " + attempts);
        assertEquals(lost.transactionId(), payment.getTransactionId(), "the transaction whose answer was lost");
        assertEquals(List.of(payment.getTransactionId()), paymentsFor(order), "one payment for the order");
    }

    @Test
    void aRefundWhoseAnswerWasLostIsTheSameRefundOnTheRetry() {
        Payment payment = direct.payments().create(card(newOrder()));
        proxy.loseTheAnswer(1);

        Refund refund = throughProxy(2, RecordedWaits.takenUpTo(Duration.ofMillis(50))).refunds()
                .create(payment.getTransactionId(), RefundParams.builder().amount(500).build());

        assertEquals("succeeded", refund.getStatus());
        assertTrue(proxy.attempts().get(1).replayed(), proxy.attempts()::toString);
        List<Refund> refunds = direct.refunds().list(payment.getTransactionId());
        assertEquals(1, refunds.size(), "one refund: " + refunds);
        assertEquals(refund.getRefundId(), refunds.get(0).getRefundId());
        assertEquals(500L, direct.payments().retrieve(payment.getTransactionId()).getAmountRefunded(),
                "refunded once, not twice");
    }

    @Test
    void serviceUnavailableAnswersInFrontOfTheApiAreRetriedUntilThePaymentGoesThroughOnce() {
        String order = newOrder();
        proxy.answerInFront(2, 503, SERVICE_UNAVAILABLE, Map.of());
        RecordedWaits waits = RecordedWaits.takenUpTo(Duration.ofMillis(50));

        Payment payment = throughProxy(2, waits).payments().create(card(order));

        assertEquals("completed", payment.getStatus());
        List<Attempt> attempts = proxy.attempts();
        assertEquals(List.of(Fault.ANSWERED_IN_FRONT, Fault.ANSWERED_IN_FRONT, Fault.NONE),
                attempts.stream().map(Attempt::fault).toList(), attempts::toString);
        assertEquals(1, attempts.stream().map(Attempt::idempotencyKey).distinct().count(), attempts::toString);
        assertEquals(200, attempts.get(2).runnerStatus(), attempts::toString);
        assertEquals(2, waits.asked().size(), "a backoff before each retry: " + waits.asked());
        assertEquals(List.of(payment.getTransactionId()), paymentsFor(order));
    }

    @Test
    void aRateLimitAnswerIsWaitedOutForItsRetryAfterThenThePaymentGoesThrough() {
        String order = newOrder();
        proxy.answerInFront(1, 429, RATE_LIMITED, Map.of("Retry-After", "1"));
        RecordedWaits waits = RecordedWaits.takenUpTo(Duration.ofSeconds(1)); // the server's second, for real

        Payment payment = throughProxy(2, waits).payments().create(card(order));

        assertEquals("completed", payment.getStatus());
        assertEquals(List.of(Duration.ofSeconds(1)), waits.asked(), "the Retry-After, not the client's own backoff");
        List<Attempt> attempts = proxy.attempts();
        assertEquals(2, attempts.size(), attempts::toString);
        assertEquals(attempts.get(0).idempotencyKey(), attempts.get(1).idempotencyKey());
        assertEquals(List.of(payment.getTransactionId()), paymentsFor(order));
    }

    /**
     * Two of the merchant's threads send the same payment with the same key at once (a double-clicked
     * button, a retried job): the runner answers the one that meets the other still running 409
     * idempotency_key_in_use; the client waits and retries it, and it gets the first one's answer replayed.
     */
    @Test
    void twoIdenticalRequestsRacingWithOneKeyGetTheSameTransactionAndChargeOnce() throws Exception {
        boolean metTheKeyInUse = false;
        for (int race = 1; race <= MAX_RACES && !metTheKeyInUse; race++) {
            proxy.reset();
            String order = newOrder();
            RequestOptions sameKey = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
            // The client's own backoff, whole: the retry must come after the first request finished.
            CircoFlowsClient client = throughProxy(4, RecordedWaits.takenUpTo(Duration.ofSeconds(8)));
            proxy.race();

            List<Payment> answers = bothAtOnce(() -> client.payments().create(card(order), sameKey));

            List<Attempt> attempts = proxy.attempts();
            assertEquals(answers.get(0).getTransactionId(), answers.get(1).getTransactionId(), attempts::toString);
            assertEquals("completed", answers.get(1).getStatus());
            assertEquals(List.of(answers.get(0).getTransactionId()), paymentsFor(order), "one payment: " + attempts);
            metTheKeyInUse = attempts.stream().anyMatch(attempt -> attempt.runnerStatus() == 409
                    && "idempotency_key_in_use".equals(attempt.runnerErrorCode()));
            if (metTheKeyInUse) {
                Attempt last = attempts.get(attempts.size() - 1);
                assertEquals(Fault.NONE, last.fault(), "the 409 was retried: " + attempts);
                assertTrue(last.replayed(), "and got the first request's answer replayed: " + attempts);
            }
            System.out.printf("client-retries: race %d: runner answered %s%n", race,
                    attempts.stream().map(attempt -> attempt.runnerStatus() + (attempt.replayed() ? " (replayed)" : ""))
                            .toList());
        }
        assertTrue(metTheKeyInUse, "in " + MAX_RACES + " races no request met the other still running");
    }

    @Test
    void whenEveryAnswerIsLostTheCallerGetsAConnectionErrorAndItsOwnRetryWithTheSameKeyFindsTheOnePayment() {
        String order = newOrder();
        RequestOptions ordersKey = RequestOptions.idempotencyKey("order-" + order);
        proxy.loseTheAnswer(3);
        CircoFlowsClient client = throughProxy(2, RecordedWaits.takenUpTo(Duration.ofMillis(50)));

        ApiConnectionException noAnswer = assertThrows(ApiConnectionException.class,
                () -> client.payments().create(card(order), ordersKey));

        assertEquals(0, noAnswer.getHttpStatus(), "no answer came");
        assertNull(noAnswer.getRequestId(), "so there is no request id to give");
        List<Attempt> attempts = proxy.attempts();
        assertEquals(3, attempts.size(), "the first attempt and two retries: " + attempts);
        assertEquals(List.of(false, true, true), attempts.stream().map(Attempt::replayed).toList(),
                "charged by the first, replayed to the others: " + attempts);
        List<String> charged = paymentsFor(order);
        assertEquals(1, charged.size(), "one payment: " + charged);

        Payment later = client.payments().create(card(order), ordersKey);

        assertEquals(charged.get(0), later.getTransactionId(), "the merchant's own retry finds the same payment");
        assertEquals("completed", later.getStatus());
        assertEquals(charged, paymentsFor(order));
    }

    @Test
    void whenEvery503IsRetriedInVainTheCallerGetsAnApiExceptionWithTheLastRequestIdAndNothingIsCharged() {
        String order = newOrder();
        proxy.answerInFront(3, 503, SERVICE_UNAVAILABLE, Map.of());

        ApiException unavailable = assertThrows(ApiException.class, () -> throughProxy(2,
                RecordedWaits.takenUpTo(Duration.ofMillis(50))).payments().create(card(order)));

        assertEquals(503, unavailable.getHttpStatus());
        assertEquals("service_unavailable", unavailable.getCode());
        List<Attempt> attempts = proxy.attempts();
        assertEquals(3, attempts.size(), attempts::toString);
        assertEquals(FaultProxy.inFrontRequestId(attempts.get(2).number()), unavailable.getRequestId(),
                "the last answer's X-Request-Id, to quote to support");
        assertEquals(List.of(), paymentsFor(order), "nothing reached the API, nothing was charged");
    }

    private CircoFlowsClient throughProxy(int maxRetries, RecordedWaits waits) {
        return clientOf(proxy.baseUrl(), maxRetries, waits);
    }

    private CircoFlowsClient clientOf(String baseUrl, int maxRetries, RecordedWaits waits) {
        return CircoFlowsClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxNetworkRetries(maxRetries)
                .requestTimeout(Duration.ofSeconds(20))
                .sleeper(waits)
                .random(new Random())
                .environment(name -> null)
                .build();
    }

    /** The transaction ids of the payments made for this order, newest first. */
    private List<String> paymentsFor(String order) {
        List<String> ids = new ArrayList<>();
        for (Payment payment : direct.payments().listAll(PaymentListParams.builder().metadata("order_id", order).build())) {
            ids.add(payment.getTransactionId());
        }
        return ids;
    }

    private static String newOrder() {
        return "ord-" + UUID.randomUUID();
    }

    private static CardPaymentParams card(String order) {
        return CardPaymentParams.builder().amount(2599).currency("USD").cardNumber(SUCCESS_CARD)
                .expiry(12, Year.now().getValue() + 3).cvv("123").metadata("order_id", order).build();
    }

    private static List<Payment> bothAtOnce(java.util.concurrent.Callable<Payment> call) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Payment> first = two.submit(call);
            Future<Payment> second = two.submit(call);
            return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
        } finally {
            two.shutdownNow();
        }
    }
}
