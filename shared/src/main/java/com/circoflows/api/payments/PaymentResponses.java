package com.circoflows.api.payments;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.PublicUrls;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionView;
import com.circoflows.domain.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/** The response bodies of the reference's Direct Payment API. */
final class PaymentResponses {
    private PaymentResponses() {
    }

    static ApiResponse completed(PaymentOutcome outcome) {
        Transaction t = outcome.transaction();
        Map<String, Object> data = summary(t);
        data.put("created_at", Timestamps.format(t.createdAt()));
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(200, "Payment processed successfully", data);
    }

    /** capture_method manual: approved, nothing taken yet; the merchant captures or cancels it. */
    static ApiResponse authorized(PaymentOutcome outcome) {
        Transaction t = outcome.transaction();
        Map<String, Object> data = summary(t);
        data.put("capture_method", t.captureMethod().wireName());
        data.put("created_at", Timestamps.format(t.createdAt()));
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(200, "Payment authorized; capture it to collect the funds", data);
    }

    static ApiResponse requiresThreeDSecure(PaymentOutcome outcome, String challengeUrl) {
        Transaction t = outcome.transaction();
        Map<String, Object> data = summary(t);
        putChallengeAction(data, challengeUrl);
        data.put("created_at", Timestamps.format(t.createdAt()));
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(202, "3D Secure authentication required", data);
    }

    /** A bank transfer opened: pending until the money arrives; action_data is what the payer needs. */
    static ApiResponse awaitingTransfer(PaymentOutcome outcome) {
        Transaction t = outcome.transaction();
        Map<String, Object> data = summary(t);
        data.put("payment_method", t.paymentMethod().wireName());
        putTransferAction(data, t);
        data.put("expires_at", Timestamps.format(t.bankTransfer().expiresAt()));
        data.put("created_at", Timestamps.format(t.createdAt()));
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(202, "Bank transfer instructions issued; the payment completes when the money arrives",
                data);
    }

    static void putTransferAction(Map<String, Object> data, Transaction t) {
        data.put("requires_action", true);
        data.put("action_type", "bank_transfer_instructions");
        data.put("action_data", t.bankTransfer().actionData(t.amount()));
    }

    /** A transaction as GET /api/direct-payment/{transaction_id} and the list show it: an open challenge
     * carries its 3ds_url. */
    static Map<String, Object> transactionView(Transaction transaction, ApiRequest request, PublicUrls urls) {
        Map<String, Object> data = TransactionView.of(transaction);
        if (transaction.awaitsChallenge()) {
            putChallengeAction(data, urls.threeDSecurePage(request, transaction.transactionId()));
        }
        if (transaction.awaitsTransfer()) {
            putTransferAction(data, transaction);
        }
        return data;
    }

    /** The reference's 3-D Secure fields: what the customer must do, and where. */
    static void putChallengeAction(Map<String, Object> data, String challengeUrl) {
        data.put("requires_action", true);
        data.put("action_type", "3ds_authentication");
        data.put("action_data", Map.of("3ds_url", challengeUrl));
    }

    /** A failed payment is a card error; its transaction id lets the merchant match payment.failed. */
    static ApiResponse failed(Transaction t) {
        return Envelope.error(t.failure().toException(), Map.of("transaction_id", t.transactionId()));
    }

    static ApiResponse confirmed(PaymentOutcome outcome) {
        Transaction t = outcome.transaction();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", t.transactionId());
        data.put("status", t.status().wireName());
        data.put("gateway_transaction_id", t.gatewayTransactionId());
        data.put("webhook_queued", outcome.webhookQueued());
        return Envelope.ok(200, "3D Secure authentication confirmed", data);
    }

    private static Map<String, Object> summary(Transaction t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", t.transactionId());
        data.put("amount", t.amount().minorUnits());
        data.put("currency", t.amount().currencyCode());
        data.put("status", t.status().wireName());
        data.put("gateway_transaction_id", t.gatewayTransactionId());
        return data;
    }
}
