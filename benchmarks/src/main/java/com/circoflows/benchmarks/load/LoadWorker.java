package com.circoflows.benchmarks.load;

import com.circoflows.benchmarks.load.Observations.MoneyMoved;
import com.circoflows.benchmarks.load.Observations.PaymentAnswer;
import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One load client: until the deadline, picks an operation by the mix's weights and checks the answer
 * the way a merchant's integration would rely on it. Everything sent carries an Idempotency-Key, as a
 * careful integration's requests do.
 */
final class LoadWorker implements Callable<Long> {
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    private static final String EXPIRY_YEAR = Integer.toString(Year.now().getValue() + 3);
    private final LoadApi api;
    private final LoadMerchants.LoadMerchant merchant;
    private final KeyBudget keys;
    private final Observations observations;
    private final long deadlineNanos;
    private final List<SentPayment> sent = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();
    /** Manual payments not captured yet. */
    private final List<Charged> authorized = new ArrayList<>();
    /** Captured payments with money left to refund. */
    private final List<Charged> refundable = new ArrayList<>();
    /** The status each payment this client made has now, as its own captures and refunds left it. */
    private final Map<String, String> statusNow = new HashMap<>();

    LoadWorker(LoadApi api, LoadMerchants.LoadMerchant merchant, Observations observations, long deadlineNanos) {
        this.api = api;
        this.merchant = merchant;
        this.keys = new KeyBudget(merchant.keys(), Clock.systemUTC());
        this.observations = observations;
        this.deadlineNanos = deadlineNanos;
    }

    /** Runs until the deadline; returns the milliseconds spent waiting for a rate-limit window. */
    @Override
    public Long call() throws Exception {
        while (System.nanoTime() < deadlineNanos) {
            Operation operation = Operation.forRoll(ThreadLocalRandom.current().nextInt(100));
            if (needsEarlierPayment(operation) && sent.isEmpty() || operation == Operation.READ_SESSION && sessions.isEmpty()
                    || operation == Operation.CAPTURE && authorized.isEmpty()
                    || operation == Operation.REFUND && refundable.isEmpty()) {
                operation = Operation.PAY_SUCCESS;
            }
            try {
                perform(operation);
            } catch (IOException e) {
                observations.anomaly(operation + ": no answer (" + e.getClass().getSimpleName() + ")");
            }
        }
        return keys.waitedMillis();
    }

    private static boolean needsEarlierPayment(Operation operation) {
        return operation == Operation.PAY_REPLAY || operation == Operation.READ_STATUS;
    }

    private void perform(Operation operation) throws IOException, InterruptedException {
        switch (operation) {
            case PAY_SUCCESS -> pay(operation, TestCardNumbers.randomApproved(), "completed");
            case PAY_MANUAL -> pay(operation, TestCardNumbers.randomApproved(), "authorized");
            case PAY_DECLINE -> pay(operation, TestCardNumbers.DECLINED, "failed");
            case PAY_THREE_D_SECURE -> pay(operation, TestCardNumbers.THREE_D_SECURE, "pending");
            case CAPTURE -> capture(authorized.remove(ThreadLocalRandom.current().nextInt(authorized.size())));
            case REFUND -> refund(pick(refundable));
            case PAY_REPLAY -> replay(pick(sent));
            case READ_STATUS -> readStatus(pick(sent));
            case CREATE_SESSION -> createSession();
            case READ_SESSION -> readSession(pick(sessions));
        }
    }

    private void pay(Operation operation, String cardNumber, String expectedStatus)
            throws IOException, InterruptedException {
        // A UUID, as merchants' integrations use for order ids and idempotency keys: the API must take
        // every one of them, in metadata and as the Idempotency-Key.
        String orderId = UUID.randomUUID().toString();
        String currency = CURRENCIES[ThreadLocalRandom.current().nextInt(CURRENCIES.length)];
        // Never small: the fraud screen's card-testing rule watches bursts of small declines.
        long amount = ThreadLocalRandom.current().nextLong(1_000, 50_000);
        String body = "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"payment_method\":\"card\","
                + "\"card_number\":\"" + cardNumber + "\",\"expiry_month\":\"12\",\"expiry_year\":\"" + EXPIRY_YEAR
                + "\",\"cvv\":\"" + cvv() + "\",\"metadata\":{\"load_order\":\"" + orderId + "\"}"
                + (operation == Operation.PAY_MANUAL ? ",\"capture_method\":\"manual\"}" : "}");
        LoadApi.Answer answer = send(operation, "/api/direct-payment", body, orderId);
        String transactionId = answer.transactionId();
        boolean asExpected = answer.status() == operation.expectedStatus()
                && (expectedStatus.equals("failed") ? answer.errorCode().equals("card_declined")
                        : answer.data("status").equals(expectedStatus));
        if (!asExpected) {
            observations.anomaly(operation + " answered " + answer.status() + " " + answer.errorSummary());
        }
        if (!transactionId.isEmpty()) {
            observations.payment(new PaymentAnswer(orderId, merchant.merchantId(), transactionId, amount,
                    expectedStatus));
            sent.add(new SentPayment(body, orderId, answer.status(), transactionId, expectedStatus));
            statusNow.put(transactionId, expectedStatus);
            if (asExpected && expectedStatus.equals("completed")) {
                refundable.add(new Charged(transactionId, currency, amount));
                observations.moneyMoved(new MoneyMoved(merchant.merchantId(), currency, amount));
            } else if (asExpected && expectedStatus.equals("authorized")) {
                authorized.add(new Charged(transactionId, currency, amount));
            }
        }
    }

    /** Captures all of it or a part (at least 500 minor units); once. */
    private void capture(Charged payment) throws IOException, InterruptedException {
        boolean part = ThreadLocalRandom.current().nextBoolean();
        long amount = part ? ThreadLocalRandom.current().nextLong(500, payment.left() + 1) : payment.left();
        String body = part ? "{\"amount\":" + amount + "}" : "";
        LoadApi.Answer answer = send(Operation.CAPTURE, "/api/direct-payment/" + payment.transactionId() + "/capture",
                body, "cap_" + UUID.randomUUID());
        if (answer.status() != 200 || !answer.data("status").equals("completed")
                || !answer.data("amount_captured").equals(Long.toString(amount))) {
            observations.anomaly("capture of " + payment.transactionId() + " answered " + answer.status() + " "
                    + answer.errorSummary() + answer.data("amount_captured"));
            return;
        }
        statusNow.put(payment.transactionId(), "completed");
        observations.statusChanged(payment.transactionId(), "completed");
        observations.moneyMoved(new MoneyMoved(merchant.merchantId(), payment.currency(), amount));
        refundable.add(new Charged(payment.transactionId(), payment.currency(), amount));
    }

    /** A part of what is left, or all of it; what is left is this client's own bookkeeping. */
    private void refund(Charged payment) throws IOException, InterruptedException {
        boolean all = ThreadLocalRandom.current().nextInt(3) == 0;
        long amount = all ? payment.left() : Math.max(1, payment.left() / (2 + ThreadLocalRandom.current().nextInt(3)));
        String body = all ? "" : "{\"amount\":" + amount + ",\"reason\":\"requested_by_customer\"}";
        LoadApi.Answer answer = send(Operation.REFUND, "/api/direct-payment/" + payment.transactionId() + "/refunds",
                body, "ref_" + UUID.randomUUID());
        if (answer.status() != 200 || !answer.data("status").equals("succeeded")
                || !answer.data("amount").equals(Long.toString(amount))) {
            observations.anomaly("refund of " + payment.transactionId() + " answered " + answer.status() + " "
                    + answer.errorSummary() + " " + answer.data("amount") + ", expected " + amount);
            return;
        }
        refundable.remove(payment);
        long left = payment.left() - amount;
        String status = left == 0 ? "refunded" : "partially_refunded";
        if (left > 0) {
            refundable.add(new Charged(payment.transactionId(), payment.currency(), left));
        }
        statusNow.put(payment.transactionId(), status);
        observations.statusChanged(payment.transactionId(), status);
        observations.moneyMoved(new MoneyMoved(merchant.merchantId(), payment.currency(), -amount));
    }

    private void replay(SentPayment earlier) throws IOException, InterruptedException {
        LoadApi.Answer answer = send(Operation.PAY_REPLAY, "/api/direct-payment", earlier.body, earlier.orderId);
        if (answer.status() != earlier.status || !answer.replayed()
                || !Objects.equals(answer.transactionId(), earlier.transactionId)) {
            observations.anomaly("replay of " + earlier.transactionId + " answered " + answer.status() + " "
                    + answer.transactionId() + (answer.replayed() ? "" : " without Idempotent-Replayed"));
        }
    }

    private void readStatus(SentPayment earlier) throws IOException, InterruptedException {
        LoadApi.Answer answer = send(Operation.READ_STATUS, "/api/direct-payment/" + earlier.transactionId, null, null);
        String expected = statusNow.getOrDefault(earlier.transactionId, earlier.transactionStatus);
        if (answer.status() != 200 || !answer.data("status").equals(expected)) {
            observations.anomaly("status of " + earlier.transactionId + " answered " + answer.status() + " "
                    + answer.data("status") + ", expected " + expected);
        }
    }

    private void createSession() throws IOException, InterruptedException {
        String body = "{\"amount\":" + ThreadLocalRandom.current().nextLong(1_000, 50_000)
                + ",\"currency\":\"USD\",\"description\":\"Load test order\"}";
        LoadApi.Answer answer = send(Operation.CREATE_SESSION, "/api/hosted-payment", body, "ses_" + UUID.randomUUID());
        String sessionId = answer.data("session_id");
        if (answer.status() != 200 || sessionId.isEmpty()) {
            observations.anomaly("session create answered " + answer.status() + " " + answer.errorSummary());
            return;
        }
        sessions.add(sessionId);
        observations.session(sessionId);
    }

    private void readSession(String sessionId) throws IOException, InterruptedException {
        LoadApi.Answer answer = send(Operation.READ_SESSION, "/api/hosted-payment/" + sessionId, null, null);
        if (answer.status() != 200 || !answer.data("status").equals("pending")) {
            observations.anomaly("session " + sessionId + " answered " + answer.status() + " " + answer.data("status"));
        }
    }

    /** POST when there is a body, else GET; 5xx answers are always anomalies. */
    private LoadApi.Answer send(Operation operation, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        String key = keys.take();
        LoadApi.Answer answer = body == null ? api.get(key, path) : api.post(key, path, body, idempotencyKey);
        observations.call(operation, answer.status(), answer.latencyNanos());
        if (answer.status() >= 500) {
            observations.anomaly(operation + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private static String cvv() {
        return String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    }

    private static <T> T pick(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    private record SentPayment(String body, String orderId, int status, String transactionId,
            String transactionStatus) {
    }

    /** @param left what may still be captured (authorized) or refunded (captured), in minor units */
    private record Charged(String transactionId, String currency, long left) {
    }
}
