package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.json.Json;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionViewTest {
    private final PaymentWorld world = PaymentWorld.create();

    @Test
    void completedTransactionShowsTheReferenceStatusFields() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        Map<String, Object> view = TransactionView.of(t);

        assertEquals(List.of("transaction_id", "amount", "currency", "status", "capture_method", "amount_captured",
                "amount_refunded", "refunds_count", "gateway_transaction_id",
                "created_at", "processed_at", "livemode", "payment_method", "card", "three_d_secure", "risk", "customer_info",
                "metadata"),
                List.copyOf(view.keySet()));
        assertEquals(t.transactionId(), view.get("transaction_id"));
        assertEquals(15000L, view.get("amount"));
        assertEquals("USD", view.get("currency"));
        assertEquals("completed", view.get("status"));
        assertEquals(t.gatewayTransactionId(), view.get("gateway_transaction_id"));
        assertEquals(TestClocks.NOW_TEXT, view.get("created_at"));
        assertEquals(TestClocks.NOW_TEXT, view.get("processed_at"));
        assertEquals(false, view.get("livemode"));
        assertEquals("not_required", view.get("three_d_secure"));
        assertEquals(Map.of("name", "John Doe", "email", "john@example.com"), view.get("customer_info"));
        assertEquals(Map.of("order_id", "ORD-12345"), view.get("metadata"));
    }

    @Test
    void sessionsPaymentShowsItsSessionIdAfterTheTransactionId() {
        Transaction direct = world.pay(TestCards.SUCCESS).transaction();
        Transaction t = new Transaction(direct.transactionId(), direct.merchantId(), direct.mode(), direct.status(),
                direct.amounts(), CaptureMethod.AUTOMATIC, direct.gatewayTransactionId(), direct.card(),
                direct.threeDSecure(), direct.failure(), new PaymentDetails(direct.customerInfo(), direct.metadata(),
                direct.webhookUrl(), null, "sess_ABCDEFGHIJKLMNOPQRSTUVWX"), direct.risk(), direct.createdAt(),
                direct.processedAt(), direct.version());

        Map<String, Object> view = TransactionView.of(t);

        assertEquals(List.of("transaction_id", "session_id", "amount"), List.copyOf(view.keySet()).subList(0, 3));
        assertEquals("sess_ABCDEFGHIJKLMNOPQRSTUVWX", view.get("session_id"));
        assertFalse(TransactionView.of(direct).containsKey("session_id"), "direct payments have none");
    }

    @Test
    void cardIsShownAsOnAReceiptWithoutNumberOrFingerprint() {
        Transaction t = world.pay(TestCards.SUCCESS).transaction();

        Map<String, Object> view = TransactionView.of(t);

        assertEquals(Map.of("brand", "visa", "last4", "4242", "exp_month", 12, "exp_year", 2030), view.get("card"));
        String json = Json.write(view);
        assertFalse(json.contains(TestCards.SUCCESS));
        assertFalse(json.contains(t.card().fingerprint()), "the fingerprint is ours, not the merchant's");
    }

    @Test
    void pendingTransactionHasNoProcessingTimeYet() {
        Map<String, Object> view = TransactionView.of(world.pendingChallenge());

        assertEquals("pending", view.get("status"));
        assertEquals("required", view.get("three_d_secure"));
        assertFalse(view.containsKey("processed_at"));
        assertFalse(view.containsKey("error"));
    }

    @Test
    void failedTransactionCarriesItsErrorLikeTheErrorEnvelope() {
        Map<String, Object> view = TransactionView.of(world.pay(TestCards.DECLINED).transaction());

        assertEquals("failed", view.get("status"));
        assertEquals(Map.of("code", "card_declined", "message", "Your card was declined.", "type", "card_error",
                "decline_code", "generic_decline"), view.get("error"));
    }

    @Test
    void riskShowsTheScoreAndTheRulesHitOnly() {
        Map<String, Object> view = TransactionView.of(world.pay(TestCards.BLOCKED_BY_FRAUD_RULES).transaction());

        assertEquals(Map.of("score", 100, "rules_hit", List.of("blocked_card")), view.get("risk"));
        assertEquals("{\"score\":100,\"rules_hit\":[\"blocked_card\"]}", Json.write(view.get("risk")));
    }

    @Test
    void transactionsMadeBeforeTheScreenScoredThemShowNoRisk() {
        Transaction scored = world.pay(TestCards.SUCCESS).transaction();
        Transaction older = new Transaction(scored.transactionId(), scored.merchantId(), scored.mode(),
                scored.status(), scored.amounts(), CaptureMethod.AUTOMATIC, scored.gatewayTransactionId(),
                scored.card(), scored.threeDSecure(), scored.failure(), new PaymentDetails(scored.customerInfo(),
                scored.metadata(), scored.webhookUrl(), null, null), null, scored.createdAt(), scored.processedAt(),
                scored.version());

        assertFalse(TransactionView.of(older).containsKey("risk"));
    }

    @Test
    void errorWithoutDeclineCodeOmitsIt() {
        Map<String, Object> view = TransactionView.of(world.pay(TestCards.PROCESSING_ERROR).transaction());

        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) view.get("error");
        assertEquals("processing_error", error.get("code"));
        assertFalse(error.containsKey("decline_code"));
    }
}
