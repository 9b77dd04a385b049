package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.fromObject;
import static com.circoflows.adapters.dynamodb.Attributes.map;
import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.number;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.refund.Refund;
import com.circoflows.domain.refund.RefundReason;
import com.circoflows.domain.refund.RefundStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Refund <-> item of the RefundsTable. */
final class RefundItems {
    /** Carried only while pending: the key of the sparse index the settle step reads. */
    static final String SETTLE_KEY = "settle_key";
    static final String PENDING = "pending";

    private RefundItems() {
    }

    static Map<String, AttributeValue> toItem(Refund refund) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("refund_id", s(refund.refundId()));
        item.put("transaction_id", s(refund.transactionId()));
        item.put("merchant_id", s(refund.merchantId()));
        item.put("mode", s(refund.mode().wireName()));
        item.put("amount", n(refund.amount().minorUnits()));
        item.put("currency", s(refund.amount().currencyCode()));
        item.put("status", s(refund.status().wireName()));
        if (refund.reason() != null) {
            item.put("reason", s(refund.reason().wireName()));
        }
        item.put("metadata", fromObject(refund.metadata()));
        putIfPresent(item, "gateway_refund_id", refund.gatewayRefundId());
        putIfPresent(item, "failure_reason", refund.failureReason());
        item.put("created_at", time(refund.createdAt()));
        if (refund.settledAt() != null) {
            item.put("settled_at", time(refund.settledAt()));
        }
        item.put("version", n(refund.version()));
        if (refund.status() == RefundStatus.PENDING) {
            item.put(SETTLE_KEY, s(PENDING));
        }
        return item;
    }

    static Refund fromItem(Map<String, AttributeValue> item) {
        String reason = string(item, "reason");
        return new Refund(
                string(item, "refund_id"),
                string(item, "transaction_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                new Money(number(item, "amount"), Money.parseCurrency(string(item, "currency"))),
                RefundStatus.fromWireName(string(item, "status")),
                reason == null ? null : RefundReason.fromWireName(reason).orElseThrow(),
                map(item, "metadata"),
                string(item, "gateway_refund_id"),
                string(item, "failure_reason"),
                time(item, "created_at"),
                time(item, "settled_at"),
                number(item, "version"));
    }
}
