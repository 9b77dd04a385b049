package com.circoflows.testsupport;

import com.circoflows.adapters.dynamodb.DynamoGatewayLedger;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.reconciliation.AuthorizationReconciler.Reconciliation;
import com.circoflows.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One fault-injection test's view of a {@link HandlerStack}: functions wired exactly as their
 * no-arg constructors wire them from template.yaml, except that every SDK client carries this test's
 * {@link FaultInjector} and every component reads this test's clock (so a test moves past a lock or a
 * grace period instead of sleeping); and what the gateway's ledger and our tables hold afterwards.
 */
public final class FaultyStack {
    private final HandlerStack stack;
    private final FaultInjector faults = new FaultInjector();
    private final MutableClock clock = new MutableClock(Instant.now());

    public FaultyStack(HandlerStack stack) {
        this.stack = stack;
    }

    public FaultInjector faults() {
        return faults;
    }

    public MutableClock clock() {
        return clock;
    }

    /** What {@code logicalId}'s handler is built from, faults and clock included. */
    public FunctionWiring wiring(String logicalId) {
        return wiring(logicalId, Map.of());
    }

    /** The same, with some of the template's variables replaced. */
    public FunctionWiring wiring(String logicalId, Map<String, String> overrides) {
        Map<String, String> variables = new LinkedHashMap<>(stack.functions().environment(logicalId));
        variables.putAll(overrides);
        return new FunctionWiring(new Settings(variables), clock, List.of(faults));
    }

    /** The physical name of a template table, for aiming a fault at it. */
    public String table(String logicalId) {
        return stack.table(logicalId);
    }

    /** One pass of the sweeper's reconciliation (WebhookSweeperFunction's wiring), at this test's time. */
    public Reconciliation reconcile() {
        return wiring("WebhookSweeperFunction").payments().authorizationReconciler().reconcile();
    }

    /** One pass of the webhook sweeper (WebhookSweeperFunction's wiring), at this test's time. */
    public int sweepWebhooks() {
        return wiring("WebhookSweeperFunction").webhooks().webhookSweeper().sweep();
    }

    // --- what is stored ------------------------------------------------------------------------

    /** Every authorisation the gateway's ledger holds for the merchant (a test-only scan). */
    public List<AuthorizationRecord> authorizationsOf(String merchantId) {
        DynamoGatewayLedger ledger = new DynamoGatewayLedger(stack.localStack().dynamoDbClient(),
                table("GatewayAuthorizationsTable"));
        List<AuthorizationRecord> found = new ArrayList<>();
        stack.localStack().dynamoDbClient().scanPaginator(scan -> scan.tableName(table("GatewayAuthorizationsTable"))
                        .consistentRead(true).filterExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId))))
                .items().forEach(item -> found.add(ledger.find(item.get("transaction_id").s()).orElseThrow()));
        return found;
    }

    /** The authorisations that are, or may still be, charged to the cardholder. */
    public List<AuthorizationRecord> notVoidedAuthorizationsOf(String merchantId) {
        return authorizationsOf(merchantId).stream().filter(a -> a.state() != AuthorizationState.VOIDED).toList();
    }

    /** The merchant's one authorisation at the gateway; fails the test if there are none or several. */
    public AuthorizationRecord onlyAuthorizationOf(String merchantId) {
        return only(authorizationsOf(merchantId), "authorisation");
    }

    /** The merchant's one transaction; fails the test if there are none or several. */
    public Transaction onlyTransactionOf(String merchantId) {
        return only(transactionsOf(merchantId), "transaction");
    }

    /** The delivery jobs for the event now on the webhook queue, taken off it. */
    public List<String> jobsFor(String eventId) {
        return stack.webhooks().drainWebhookJobs().stream().filter(job -> job.contains(eventId)).toList();
    }

    /** Fails the test when a planned fault never met its call: the test would prove nothing. */
    public void assertFaultsFired() {
        if (!faults.unfired().isEmpty()) {
            throw new AssertionError("planned faults that never happened: " + faults.unfired());
        }
    }

    private static <T> T only(List<T> found, String what) {
        if (found.size() != 1) {
            throw new AssertionError("expected one " + what + ", found " + found);
        }
        return found.get(0);
    }

    /** Every transaction the merchant has. */
    public List<Transaction> transactionsOf(String merchantId) {
        List<Transaction> found = new ArrayList<>();
        stack.localStack().dynamoDbClient().queryPaginator(query -> query.tableName(table("TransactionsTable"))
                        .indexName("by_merchant_created").keyConditionExpression("merchant_id = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchantId))))
                .items().forEach(item -> found.add(stack.payments().storedTransaction(item.get("transaction_id").s())));
        return found;
    }
}
