package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.Api;
import com.circoflows.localrunner.e2e.HeldBankCredits;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.e2e.Payments;
import java.util.function.BiConsumer;

/**
 * One of everything a pool merchant owns, so generated requests can name real ids of the caller's
 * own: a completed payment, a 3-D Secure payment awaiting its challenge, a bank transfer awaiting its
 * money, a held bank credit (EUR 5.00 of excess, see {@link HeldBankCredits}: the held-credit routes then
 * reach a real credit; assign and return change it once, so later cases meet bank_credit_not_held), a
 * pending hosted session,
 * a webhook event, a genuine next_cursor of its event list, one of its transaction list and one of its
 * session list (it has two pending sessions).
 */
record MerchantObjects(String completedTransactionId, String pendingTransactionId, String pendingGatewayId,
        String bankTransferId, String heldCreditId, String sessionId, String eventId, String cursor,
        String transactionCursor, String sessionCursor) {
    static final String SESSION_BODY = "{\"amount\":2500,\"currency\":\"USD\",\"description\":\"Fuzz order\"}";
    static final String BANK_TRANSFER_BODY = "{\"amount\":2500,\"currency\":\"EUR\",\"payment_method\":"
            + "\"bank_transfer\",\"customer_info\":{\"name\":\"Jane Fuzz\"}}";

    /** Makes the objects with the merchant's own key; {@code observe} sees every answer (its rate-limit budget). */
    static MerchantObjects make(Api api, BiConsumer<String, HttpResult> observe, String apiKey) {
        HttpResult completed = expect(200, api.pay(Payments.card(Payments.SUCCESS, ValidBodies.CVV)), observe, apiKey);
        HttpResult pending = expect(202, api.pay(Payments.card(Payments.THREE_D_SECURE, ValidBodies.CVV)), observe,
                apiKey);
        HttpResult transfer = expect(202, api.post("/api/direct-payment", BANK_TRANSFER_BODY), observe, apiKey);
        HeldBankCredits.Held held = HeldBankCredits.heldCreditOf(api, answer -> observe.accept(apiKey, answer));
        HttpResult session = expect(200, api.post("/api/hosted-payment", SESSION_BODY), observe, apiKey);
        expect(200, api.post("/api/hosted-payment", SESSION_BODY), observe, apiKey);
        HttpResult events = expect(200, api.get("/api/webhook-events?limit=1"), observe, apiKey);
        if (events.data().path("next_cursor").asText("").isEmpty()) {
            throw new IllegalStateException("two payments made no second page of events: " + events.describe());
        }
        HttpResult transactions = expect(200, api.get("/api/direct-payment?limit=1"), observe, apiKey);
        if (transactions.data().path("next_cursor").asText("").isEmpty()) {
            throw new IllegalStateException("two payments made no second page of transactions: "
                    + transactions.describe());
        }
        HttpResult sessions = expect(200, api.get("/api/hosted-payment?limit=1"), observe, apiKey);
        if (sessions.data().path("next_cursor").asText("").isEmpty()) {
            throw new IllegalStateException("two sessions made no second page of sessions: " + sessions.describe());
        }
        return new MerchantObjects(
                completed.data().path("transaction_id").asText(),
                pending.data().path("transaction_id").asText(),
                pending.data().path("gateway_transaction_id").asText(),
                transfer.data().path("transaction_id").asText(),
                held.creditId(),
                session.data().path("session_id").asText(),
                events.data().path("events").path(0).path("event_id").asText(),
                events.data().path("next_cursor").asText(),
                transactions.data().path("next_cursor").asText(),
                sessions.data().path("next_cursor").asText());
    }

    private static HttpResult expect(int status, HttpResult result, BiConsumer<String, HttpResult> observe,
            String apiKey) {
        observe.accept(apiKey, result);
        if (result.status() != status) {
            throw new IllegalStateException("making a fuzz merchant's objects: " + result.describe());
        }
        return result;
    }
}
