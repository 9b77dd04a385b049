package com.circoflows.benchmarks.load;

import com.circoflows.benchmarks.load.Observations.PaymentAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What must hold after the load, read from the tables themselves, the gateway's ledger and the webhook
 * receiver, not from the API's answers: every answered payment is stored once with the status it
 * announced, was authorised once at the gateway, carries its webhook event, and that event reached the
 * merchant signed.
 */
final class InvariantCheck {
    /** The event a payment's status now shows it announced (a refunded payment announced its success first). */
    private static final Map<String, String> EVENT_FOR_STATUS = Map.of(
            "completed", "payment.succeeded", "failed", "payment.failed", "pending", "payment.pending",
            "authorized", "payment.authorized", "partially_refunded", "payment.succeeded",
            "refunded", "payment.succeeded");

    private final DynamoDbClient dynamoDb;
    private final UnaryOperator<String> tableNames;

    /** @param tableNames a template table's logical id -> its physical name */
    InvariantCheck(DynamoDbClient dynamoDb, UnaryOperator<String> tableNames) {
        this.dynamoDb = dynamoDb;
        this.tableNames = tableNames;
    }

    List<Invariant> check(Observations observations, WebhookReceiver receiver, Duration drain) throws InterruptedException {
        List<PaymentAnswer> answered = observations.payments();
        Map<String, List<Map<String, AttributeValue>>> storedByOrder = transactionsByOrder();
        Map<String, Set<String>> eventTypesByTransaction = new HashMap<>();
        Set<String> expectedEventIds = new HashSet<>();
        Set<String> loadTransactions = new HashSet<>();
        storedByOrder.values().forEach(items -> items.forEach(item -> loadTransactions.add(item.get("transaction_id").s())));
        scan("WebhookEventsTable").forEach(event -> {
            String transactionId = event.get("transaction_id").s();
            if (loadTransactions.contains(transactionId)) {
                eventTypesByTransaction.computeIfAbsent(transactionId, id -> new HashSet<>()).add(event.get("type").s());
                expectedEventIds.add(event.get("event_id").s());
            }
        });

        List<Invariant> invariants = new ArrayList<>();
        int serverErrors = observations.statusCounts().entrySet().stream()
                .filter(status -> status.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        invariants.add(new Invariant("zero 5xx answers", serverErrors == 0, serverErrors + " 5xx"));
        List<String> anomalies = observations.anomalies();
        invariants.add(new Invariant("every answer as a correct API gives it (status, body, replays)",
                anomalies.isEmpty(), anomalies.size() + " unexpected" + sample(anomalies)));

        List<String> notStored = new ArrayList<>();
        List<String> eventMissing = new ArrayList<>();
        for (PaymentAnswer answer : answered) {
            List<Map<String, AttributeValue>> stored = storedByOrder.getOrDefault(answer.orderId(), List.of());
            boolean matches = stored.size() == 1
                    && stored.get(0).get("transaction_id").s().equals(answer.transactionId())
                    && stored.get(0).get("status").s().equals(observations.expectedStatusNow(answer))
                    && Long.parseLong(stored.get(0).get("amount").n()) == answer.amount()
                    && stored.get(0).get("merchant_id").s().equals(answer.merchantId());
            if (!matches) {
                notStored.add(answer.transactionId());
            }
            if (!eventTypesByTransaction.getOrDefault(answer.transactionId(), Set.of())
                    .contains(EVENT_FOR_STATUS.get(observations.expectedStatusNow(answer)))) {
                eventMissing.add(answer.transactionId());
            }
        }
        invariants.add(new Invariant("every 200/202/decline has its stored transaction, as answered",
                notStored.isEmpty(), answered.size() + " answered, " + notStored.size() + " missing or different"
                        + sample(notStored)));
        invariants.add(new Invariant("every stored transaction has its webhook event", eventMissing.isEmpty(),
                eventMissing.size() + " without the event their status announces" + sample(eventMissing)));
        List<String> chargedTwice = storedByOrder.entrySet().stream()
                .filter(order -> order.getValue().size() > 1).map(Map.Entry::getKey).toList();
        invariants.add(new Invariant("no payment stored (charged) twice", chargedTwice.isEmpty(),
                storedByOrder.size() + " orders stored, " + chargedTwice.size() + " more than once" + sample(chargedTwice)));
        invariants.add(gatewayAuthorisedEachOrderOnce(storedByOrder, answered));
        invariants.add(moneyInIsCapturedLessRefunded(storedByOrder, observations));
        invariants.add(noRefundOverTheCapturedAmount(storedByOrder));

        Set<String> undelivered = awaitDeliveries(receiver, expectedEventIds, drain);
        invariants.add(new Invariant("every webhook event delivered, signed", undelivered.isEmpty()
                && receiver.badSignatures() == 0, expectedEventIds.size() + " events, " + undelivered.size()
                + " undelivered after the drain, " + receiver.badSignatures() + " bad signatures, "
                + receiver.duplicates() + " repeat deliveries (allowed: at least once)"));

        Set<String> storedSessions = new HashSet<>();
        scan("PaymentSessionsTable").forEach(item -> storedSessions.add(item.get("session_id").s()));
        List<String> lostSessions = observations.sessions().stream().filter(id -> !storedSessions.contains(id)).toList();
        invariants.add(new Invariant("every created session stored", lostSessions.isEmpty(),
                observations.sessions().size() + " created, " + lostSessions.size() + " missing"));
        return invariants;
    }

    /**
     * The gateway's own ledger agrees with our tables: every order that reached the gateway (all but the
     * fraud-blocked) has exactly one authorisation that is not voided, under its stored transaction's id
     * and gateway id, and the load's merchants have no authorisation without a transaction (an orphan).
     */
    private Invariant gatewayAuthorisedEachOrderOnce(Map<String, List<Map<String, AttributeValue>>> storedByOrder,
            List<PaymentAnswer> answered) {
        Map<String, Map<String, AttributeValue>> standing = new HashMap<>();
        scan("GatewayAuthorizationsTable").forEach(item -> {
            if (!"voided".equals(item.get("state").s())) {
                standing.put(item.get("transaction_id").s(), item);
            }
        });
        List<String> notOnce = new ArrayList<>();
        storedByOrder.forEach((order, transactions) -> {
            List<Map<String, AttributeValue>> reachedGateway = transactions.stream()
                    .filter(item -> item.containsKey("gateway_transaction_id")).toList();
            long authorisations = transactions.stream()
                    .filter(item -> standing.containsKey(item.get("transaction_id").s())).count();
            boolean once = reachedGateway.isEmpty() ? authorisations == 0 : (authorisations == 1
                    && reachedGateway.stream().allMatch(item -> standing.containsKey(item.get("transaction_id").s())
                            && item.get("gateway_transaction_id").s().equals(
                                    standing.get(item.get("transaction_id").s()).get("gateway_transaction_id").s())));
            if (!once) {
                notOnce.add(order);
            }
        });
        Set<String> merchants = new HashSet<>();
        answered.forEach(answer -> merchants.add(answer.merchantId()));
        Set<String> storedTransactions = new HashSet<>();
        scan("TransactionsTable").forEach(item -> storedTransactions.add(item.get("transaction_id").s()));
        List<String> orphans = standing.values().stream()
                .filter(item -> merchants.contains(item.get("merchant_id").s()))
                .map(item -> item.get("transaction_id").s())
                .filter(transactionId -> !storedTransactions.contains(transactionId)).toList();
        return new Invariant("the gateway's ledger: one standing authorisation per order, none without a transaction",
                notOnce.isEmpty() && orphans.isEmpty(), storedByOrder.size() + " orders, " + notOnce.size()
                        + " not authorised exactly once" + sample(notOnce) + ", " + orphans.size() + " orphaned"
                        + sample(orphans));
    }

    /**
     * Per merchant and currency, what the tables say was taken and kept (amount_captured − amount_refunded
     * over the load's transactions) is what the clients saw captured minus what they saw refunded.
     */
    private static Invariant moneyInIsCapturedLessRefunded(Map<String, List<Map<String, AttributeValue>>> storedByOrder,
            Observations observations) {
        Map<String, Long> stored = new TreeMap<>();
        storedByOrder.values().forEach(items -> items.forEach(item -> stored.merge(
                item.get("merchant_id").s() + " " + item.get("currency").s(),
                number(item, "amount_captured") - number(item, "amount_refunded"), Long::sum)));
        stored.values().removeIf(total -> total == 0);
        Map<String, Long> seen = new TreeMap<>();
        observations.moneyMoved().forEach(moved -> seen.merge(moved.merchantId() + " " + moved.currency(),
                moved.minorUnits(), Long::sum));
        seen.values().removeIf(total -> total == 0);
        List<String> differ = new ArrayList<>();
        Set<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(seen.keySet());
        keys.forEach(key -> {
            if (!Objects.equals(stored.get(key), seen.get(key))) {
                differ.add(key + ": stored " + stored.get(key) + ", answered " + seen.get(key));
            }
        });
        long total = seen.values().stream().mapToLong(Long::longValue).sum();
        return new Invariant("money in = captured − refunded, for every merchant and currency", differ.isEmpty(),
                keys.size() + " merchant-currency pairs, " + total + " minor units kept in all, " + differ.size()
                        + " differing" + sample(differ));
    }

    /**
     * No payment gave back more than it took: amount_refunded ≤ amount_captured, and the refunds stored
     * for it (succeeded or pending) add up to amount_refunded, as many as refunds_count says.
     */
    private Invariant noRefundOverTheCapturedAmount(Map<String, List<Map<String, AttributeValue>>> storedByOrder) {
        Map<String, long[]> refundsByTransaction = new HashMap<>();
        int refunds = 0;
        for (Map<String, AttributeValue> refund : scan("RefundsTable")) {
            long[] sumAndCount = refundsByTransaction.computeIfAbsent(refund.get("transaction_id").s(), id -> new long[2]);
            if (!"failed".equals(refund.get("status").s())) {
                sumAndCount[0] += number(refund, "amount");
            }
            sumAndCount[1]++;
            refunds++;
        }
        List<String> broken = new ArrayList<>();
        storedByOrder.values().forEach(items -> items.forEach(item -> {
            String id = item.get("transaction_id").s();
            long[] sumAndCount = refundsByTransaction.getOrDefault(id, new long[2]);
            if (number(item, "amount_refunded") > number(item, "amount_captured")
                    || number(item, "amount_refunded") != sumAndCount[0]
                    || number(item, "refunds_count") != sumAndCount[1]) {
                broken.add(id);
            }
        }));
        return new Invariant("no refund over the captured amount; refunds add up to amount_refunded", broken.isEmpty(),
                refunds + " refunds stored, " + broken.size() + " payments where they do not add up" + sample(broken));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private Map<String, List<Map<String, AttributeValue>>> transactionsByOrder() {
        Map<String, List<Map<String, AttributeValue>>> byOrder = new HashMap<>();
        for (Map<String, AttributeValue> item : scan("TransactionsTable")) {
            AttributeValue metadata = item.get("metadata");
            AttributeValue order = metadata == null || !metadata.hasM() ? null : metadata.m().get("load_order");
            if (order != null && order.s() != null) {
                byOrder.computeIfAbsent(order.s(), id -> new ArrayList<>()).add(item);
            }
        }
        return byOrder;
    }

    private Iterable<Map<String, AttributeValue>> scan(String logicalId) {
        String table = tableNames.apply(logicalId);
        return dynamoDb.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items();
    }

    private static Set<String> awaitDeliveries(WebhookReceiver receiver, Set<String> expected, Duration drain)
            throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        Set<String> missing = new HashSet<>(expected);
        while (true) {
            missing.removeAll(receiver.deliveries().keySet());
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(200);
        }
    }

    private static String sample(List<String> findings) {
        return findings.isEmpty() ? "" : ", e.g. " + findings.subList(0, Math.min(3, findings.size()));
    }

    record Invariant(String name, boolean holds, String detail) {
    }
}
