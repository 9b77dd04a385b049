package com.circoflows.benchmarks.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Everything the clients saw, recorded from many threads, read once the load has stopped. */
final class Observations {
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Queue<PaymentAnswer> payments = new ConcurrentLinkedQueue<>();
    private final Queue<String> sessions = new ConcurrentLinkedQueue<>();
    private final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
    private final Map<String, String> laterStatuses = new ConcurrentHashMap<>();
    private final Queue<MoneyMoved> moneyMoved = new ConcurrentLinkedQueue<>();

    void call(Operation operation, int status, long latencyNanos) {
        calls.add(new Call(operation, status, latencyNanos));
    }

    /** A new payment the API answered with a transaction (200, 202, or a decline naming one). */
    void payment(PaymentAnswer answer) {
        payments.add(answer);
    }

    /** A capture or refund changed the payment's status after its first answer. */
    void statusChanged(String transactionId, String status) {
        laterStatuses.put(transactionId, status);
    }

    /** Money a client saw taken (a capture, an automatic payment) or given back (a succeeded refund). */
    void moneyMoved(MoneyMoved moved) {
        moneyMoved.add(moved);
    }

    /** The status a payment must have now: its last change, else what its first answer announced. */
    String expectedStatusNow(PaymentAnswer answer) {
        return laterStatuses.getOrDefault(answer.transactionId(), answer.expectedStatus());
    }

    List<MoneyMoved> moneyMoved() {
        return new ArrayList<>(moneyMoved);
    }

    void session(String sessionId) {
        sessions.add(sessionId);
    }

    /** Something a correct API never does: a 5xx, an unexpected status, a replay that differs. */
    void anomaly(String description) {
        anomalies.add(description);
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<PaymentAnswer> payments() {
        return new ArrayList<>(payments);
    }

    List<String> sessions() {
        return new ArrayList<>(sessions);
    }

    List<String> anomalies() {
        return new ArrayList<>(anomalies);
    }

    Map<Integer, Integer> statusCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.status(), 1, Integer::sum));
        return counts;
    }

    Map<Operation, Integer> operationCounts() {
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        calls.forEach(call -> counts.merge(call.operation(), 1, Integer::sum));
        return counts;
    }

    record Call(Operation operation, int status, long latencyNanos) {
    }

    /** @param minorUnits positive for money taken, negative for money given back */
    record MoneyMoved(String merchantId, String currency, long minorUnits) {
    }

    /**
     * @param orderId the client's own id for the payment, sent as metadata.load_order, so the check
     *     finds every transaction stored for it however many times it was sent
     * @param expectedStatus the transaction status the answer announced: completed, failed or pending
     */
    record PaymentAnswer(String orderId, String merchantId, String transactionId, long amount,
            String expectedStatus) {
    }
}
