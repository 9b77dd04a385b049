package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.number;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.RefundBehaviour;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** AuthorizationRecord <-> item of the GatewayAuthorizationsTable. There is no card data to map. */
final class AuthorizationItems {
    /** Carried only by open authorisations not yet matched with a transaction: the sparse index's key. */
    static final String RECONCILE_KEY = "reconcile_key";
    static final String UNRECONCILED = "unreconciled";

    private AuthorizationItems() {
    }

    static Map<String, AttributeValue> toItem(AuthorizationRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("transaction_id", s(record.transactionId()));
        item.put("gateway_transaction_id", s(record.gatewayTransactionId()));
        item.put("merchant_id", s(record.merchantId()));
        item.put("mode", s(record.mode().wireName()));
        item.put("amount", n(record.amount().minorUnits()));
        item.put("currency", s(record.amount().currencyCode()));
        putAnswer(item, record.answer());
        item.put("state", s(record.state().wireName()));
        item.put("created_at", time(record.createdAt()));
        item.put("touched_at", time(record.touchedAt()));
        if (record.refundBehaviour() != RefundBehaviour.SUCCEEDS) {
            item.put("refund_behaviour", s(record.refundBehaviour().wireName()));
        }
        if (record.state().open()) {
            item.put(RECONCILE_KEY, s(UNRECONCILED));
        }
        return item;
    }

    static AuthorizationRecord fromItem(Map<String, AttributeValue> item) {
        return new AuthorizationRecord(
                string(item, "transaction_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                Money.of(number(item, "amount"), string(item, "currency")),
                answer(item),
                AuthorizationState.fromWireName(string(item, "state")),
                time(item, "created_at"),
                time(item, "touched_at"),
                item.containsKey("refund_behaviour") ? RefundBehaviour.fromWireName(string(item, "refund_behaviour"))
                        : RefundBehaviour.SUCCEEDS);
    }

    private static void putAnswer(Map<String, AttributeValue> item, GatewayResult answer) {
        if (answer instanceof GatewayResult.Approved) {
            item.put("outcome", s("approved"));
        } else if (answer instanceof GatewayResult.ThreeDSecureRequired) {
            item.put("outcome", s("three_d_secure_required"));
        } else if (answer instanceof GatewayResult.Declined declined) {
            item.put("outcome", s("declined"));
            item.put("error_code", s(declined.code().name()));
            item.put("decline_code", s(declined.declineCode()));
            item.put("message", s(declined.message()));
        } else {
            item.put("outcome", s("processing_error"));
            putIfPresent(item, "message", ((GatewayResult.ProcessingError) answer).message());
        }
    }

    private static GatewayResult answer(Map<String, AttributeValue> item) {
        String gatewayId = string(item, "gateway_transaction_id");
        return switch (string(item, "outcome")) {
            case "approved" -> new GatewayResult.Approved(gatewayId);
            case "three_d_secure_required" -> new GatewayResult.ThreeDSecureRequired(gatewayId);
            case "declined" -> new GatewayResult.Declined(gatewayId, ErrorCode.valueOf(string(item, "error_code")),
                    string(item, "decline_code"), string(item, "message"));
            case "processing_error" -> new GatewayResult.ProcessingError(gatewayId, string(item, "message"));
            default -> throw new IllegalStateException("unknown gateway outcome " + string(item, "outcome"));
        };
    }
}
