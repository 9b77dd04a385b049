package com.circoflows.domain.refund;

import com.circoflows.domain.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refund as merchants see it: in the API and as refund.* webhook data, one rendering for both. */
public final class RefundView {
    private RefundView() {
    }

    public static Map<String, Object> of(Refund refund) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("refund_id", refund.refundId());
        view.put("transaction_id", refund.transactionId());
        view.put("amount", refund.amount().minorUnits());
        view.put("currency", refund.amount().currencyCode());
        view.put("status", refund.status().wireName());
        view.put("reason", refund.reason() == null ? null : refund.reason().wireName());
        if (refund.failureReason() != null) {
            view.put("failure_reason", refund.failureReason());
        }
        view.put("metadata", refund.metadata());
        view.put("created_at", Timestamps.format(refund.createdAt()));
        if (refund.settledAt() != null) {
            view.put("settled_at", Timestamps.format(refund.settledAt()));
        }
        return view;
    }
}
