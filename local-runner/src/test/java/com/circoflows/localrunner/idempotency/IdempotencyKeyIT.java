package com.circoflows.localrunner.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.ids.RandomIds;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.EndToEnd;
import com.circoflows.localrunner.e2e.HttpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency-Key over real HTTP against the local runner: retries never charge twice. */
@EndToEnd
class IdempotencyKeyIT {
    private static final String PAYMENT = "/api/direct-payment";

    private final E2e e2e;
    private final E2e.TestMerchant merchant;

    IdempotencyKeyIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Idempotency Merchant " + RandomIds.base62(6));
    }

    @Test
    void aPaymentRetriedWithTheSameKeyIsChargedOnceAndReplayedExactly() {
        String key = newKey();

        HttpResult first = pay(merchant, key, 1000);
        HttpResult retry = pay(merchant, key, 1000);

        assertEquals(200, first.status(), first::describe);
        assertEquals(200, retry.status(), retry::describe);
        assertEquals(first.body(), retry.body(), "the replay is byte for byte the first answer");
        assertEquals("true", retry.header("idempotent-replayed"));
        assertNull(first.header("idempotent-replayed"));
        assertEquals("application/json", retry.header("content-type"));
        assertTrue(retry.header("x-ratelimit-remaining") != null, "fresh rate-limit headers on the replay");
        String transactionId = first.data().path("transaction_id").asText();
        assertEquals(transactionId, retry.data().path("transaction_id").asText());
        assertEquals(List.of(transactionId), transactionsOf(merchant));
        assertEquals(1, webhookEventsOf(merchant, transactionId));
    }

    @Test
    void aDeclineRetriedWithTheSameKeyIsReplayedNotRetried() {
        String key = newKey();
        String body = body("4000000000000002", 1000);

        HttpResult first = merchant.api().post(PAYMENT, body, Map.of("Idempotency-Key", key));
        HttpResult retry = merchant.api().post(PAYMENT, body, Map.of("Idempotency-Key", key));

        assertEquals(400, first.status(), first::describe);
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.header("idempotent-replayed"));
        assertEquals(1, transactionsOf(merchant).size());
    }

    @Test
    void theSameKeyWithAnotherAmountIs422AndChargesNothingMore() {
        String key = newKey();
        assertEquals(200, pay(merchant, key, 1000).status());

        HttpResult reused = pay(merchant, key, 2000);

        assertEquals(422, reused.status(), reused::describe);
        assertEquals("idempotency_key_reused", reused.error().path("code").asText());
        assertEquals("idempotency_error", reused.error().path("type").asText());
        assertEquals(1, transactionsOf(merchant).size());
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        HttpResult response = pay(merchant, "x".repeat(256), 1000);

        assertEquals(400, response.status(), response::describe);
        assertEquals("invalid_request", response.error().path("code").asText());
        assertEquals("Idempotency-Key", response.error().path("param").asText());
        assertEquals(0, transactionsOf(merchant).size());
    }

    @RepeatedTest(3)
    void twoConcurrentRequestsWithOneKeyNeverChargeTwice() throws Exception {
        E2e.TestMerchant racer = e2e.newMerchant("Idempotency Racer " + RandomIds.base62(6));
        String key = newKey();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<HttpResult> results = new ArrayList<>();
        try {
            List<Future<HttpResult>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<HttpResult> client = () -> {
                    start.await();
                    return pay(racer, key, 1000);
                };
                sent.add(clients.submit(client));
            }
            start.countDown();
            for (Future<HttpResult> result : sent) {
                results.add(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        List<HttpResult> charged = results.stream().filter(r -> r.status() == 200).toList();
        assertTrue(!charged.isEmpty(), results.toString());
        for (HttpResult result : results) {
            if (result.status() == 409) {
                assertEquals("idempotency_key_in_use", result.error().path("code").asText());
            } else {
                assertEquals(200, result.status(), result::describe);
                assertEquals(charged.get(0).data().path("transaction_id").asText(),
                        result.data().path("transaction_id").asText());
            }
        }
        List<String> transactions = transactionsOf(racer);
        assertEquals(1, transactions.size(), "one charge: " + transactions);
        assertEquals(1, webhookEventsOf(racer, transactions.get(0)));
    }

    @Test
    void anotherMerchantsUseOfTheSameKeyIsIndependent() {
        E2e.TestMerchant other = e2e.newMerchant("Idempotency Other " + RandomIds.base62(6));
        String key = newKey();

        HttpResult mine = pay(merchant, key, 1000);
        HttpResult theirs = pay(other, key, 2500);

        assertEquals(200, mine.status(), mine::describe);
        assertEquals(200, theirs.status(), theirs::describe);
        assertNull(theirs.header("idempotent-replayed"));
        assertNotEquals(mine.data().path("transaction_id").asText(), theirs.data().path("transaction_id").asText());
        assertEquals(2500, theirs.data().path("amount").asLong());
        assertEquals(1, transactionsOf(other).size());
    }

    @Test
    void hostedPaymentCreationIsIdempotentToo() {
        String key = newKey();
        String body = "{\"amount\":2500,\"currency\":\"USD\",\"description\":\"Idempotent session\"}";

        HttpResult first = merchant.api().post("/api/hosted-payment", body, Map.of("Idempotency-Key", key));
        HttpResult retry = merchant.api().post("/api/hosted-payment", body, Map.of("Idempotency-Key", key));

        assertEquals(200, first.status(), first::describe);
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.header("idempotent-replayed"));
    }

    private HttpResult pay(E2e.TestMerchant who, String key, long amount) {
        return who.api().post(PAYMENT, body("4242424242424242", amount), Map.of("Idempotency-Key", key));
    }

    private static String body(String card, long amount) {
        return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"payment_method\":\"card\",\"card_number\":\""
                + card + "\",\"expiry_month\":\"12\",\"expiry_year\":\"2030\",\"cvv\":\"123\"}";
    }

    private static String newKey() {
        return "order-" + RandomIds.base62(20);
    }

    private List<String> transactionsOf(E2e.TestMerchant who) {
        List<String> ids = new ArrayList<>();
        e2e.dynamoDb().queryPaginator(q -> q.tableName(e2e.tableName("TransactionsTable"))
                        .indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(who.merchantId()))))
                .items().forEach(item -> ids.add(item.get("transaction_id").s()));
        return ids;
    }

    private int webhookEventsOf(E2e.TestMerchant who, String transactionId) {
        int[] count = {0};
        e2e.dynamoDb().queryPaginator(q -> q.tableName(e2e.tableName("WebhookEventsTable"))
                        .indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(who.merchantId()))))
                .items().forEach(item -> {
                    if (transactionId.equals(item.get("transaction_id").s())) {
                        count[0]++;
                    }
                });
        return count[0];
    }
}
