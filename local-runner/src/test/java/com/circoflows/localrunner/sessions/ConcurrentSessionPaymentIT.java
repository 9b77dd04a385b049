package com.circoflows.localrunner.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.session.CheckoutState;
import com.circoflows.domain.session.SessionCheckoutService;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two customers' tabs submit the same session at the same moment, each through its own instance of
 * the payment page's checkout (as two Lambda containers would be), against the runner's DynamoDB:
 * one card is charged, one transaction stored, and the session is paid by it.
 */
@EndToEnd
class ConcurrentSessionPaymentIT {
    private final E2e e2e;
    private final E2e.TestMerchant merchant;

    ConcurrentSessionPaymentIT(E2e e2e) {
        this.e2e = e2e;
        this.merchant = e2e.newMerchant("Hosted Concurrency Merchant");
    }

    @RepeatedTest(3)
    void twoTabsPayingTheSameSessionAtOnceChargeOneTransaction() throws Exception {
        String sessionId = SessionsE2e.createSession(merchant.api(), SessionsE2e.minimalRequest());
        List<SessionCheckoutService> containers = List.of(SessionsE2e.checkout(e2e), SessionsE2e.checkout(e2e));
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CheckoutState>> submitted = new ArrayList<>();
            for (SessionCheckoutService container : containers) {
                Callable<CheckoutState> tab = () -> {
                    start.await();
                    return container.pay(sessionId, SessionsE2e.form("4242424242424242", "735"));
                };
                submitted.add(tabs.submit(tab));
            }
            start.countDown();
            List<CheckoutState> states = new ArrayList<>();
            for (Future<CheckoutState> state : submitted) {
                states.add(state.get(30, TimeUnit.SECONDS));
            }

            assertTrue(states.stream().allMatch(s -> s instanceof CheckoutState.Paid
                    || s instanceof CheckoutState.InProgress), states.toString());
            assertTrue(states.stream().anyMatch(s -> s instanceof CheckoutState.Paid), states.toString());
            List<String> charged = transactionsOfSession(sessionId);
            assertEquals(1, charged.size(), "one transaction for the session: " + charged + " / " + states);
            HttpResult status = SessionsE2e.status(merchant.api(), sessionId);
            assertEquals("completed", status.data().path("status").asText(), status::describe);
            assertEquals(charged.get(0), status.data().path("transaction_id").asText());
        } finally {
            tabs.shutdownNow();
        }
    }

    /** Ids of the merchant's stored transactions made on this session. */
    private List<String> transactionsOfSession(String sessionId) {
        List<String> ids = new ArrayList<>();
        e2e.dynamoDb().queryPaginator(q -> q.tableName(e2e.tableName("TransactionsTable"))
                        .indexName("by_merchant_created")
                        .keyConditionExpression("merchant_id = :m")
                        .filterExpression("session_id = :s")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchant.merchantId()),
                                ":s", AttributeValue.fromS(sessionId)))
                        .consistentRead(false))
                .items().forEach(item -> ids.add(item.get("transaction_id").s()));
        return ids;
    }
}
