package com.circoflows.domain.payment;

import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.risk.RiskAssessment;
import com.circoflows.domain.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transaction as merchants see it: in GET /api/direct-payment/{id} and as webhook event data.
 * One rendering for both, so the webhook and the status endpoint can never disagree.
 */
public final class TransactionView {
    private TransactionView() {
    }

    public static Map<String, Object> of(Transaction t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("transaction_id", t.transactionId());
        if (t.sessionId() != null) {
            view.put("session_id", t.sessionId());
        }
        view.put("amount", t.amount().minorUnits());
        view.put("currency", t.amount().currencyCode());
        view.put("status", t.status().wireName());
        view.put("capture_method", t.captureMethod().wireName());
        view.put("amount_captured", t.amounts().captured().minorUnits());
        view.put("amount_refunded", t.amounts().refunded().minorUnits());
        view.put("refunds_count", t.amounts().refundsCount());
        view.put("gateway_transaction_id", t.gatewayTransactionId());
        view.put("created_at", Timestamps.format(t.createdAt()));
        if (t.processedAt() != null) {
            view.put("processed_at", Timestamps.format(t.processedAt()));
        }
        view.put("livemode", t.mode() == Mode.LIVE);
        view.put("payment_method", t.paymentMethod().wireName());
        if (t.card() != null) {
            view.put("card", card(t.card()));
            if (t.card().wallet() != null) {
                view.put("wallet", t.card().wallet().wireName());
            }
        }
        if (t.bankTransfer() != null) {
            view.put("bank_transfer", t.bankTransfer().view());
        }
        view.put("three_d_secure", t.threeDSecure().wireName());
        if (t.failure() != null) {
            view.put("error", error(t.failure()));
        }
        if (t.risk() != null) {
            view.put("risk", risk(t.risk()));
        }
        view.put("customer_info", t.customerInfo());
        view.put("metadata", t.metadata());
        return view;
    }

    private static Map<String, Object> card(StoredCard card) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("brand", card.brand().wireName());
        view.put("last4", card.last4());
        view.put("exp_month", card.expMonth());
        view.put("exp_year", card.expYear());
        return view;
    }

    /** Small on purpose: the score and the names of the rules behind it, enough to explain a decline. */
    private static Map<String, Object> risk(RiskAssessment risk) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("score", risk.score());
        view.put("rules_hit", risk.rulesHit());
        return view;
    }

    public static Map<String, Object> error(PaymentFailure failure) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", failure.code().code());
        view.put("message", failure.message());
        view.put("type", failure.code().type().wireName());
        if (failure.declineCode() != null) {
            view.put("decline_code", failure.declineCode());
        }
        return view;
    }
}
