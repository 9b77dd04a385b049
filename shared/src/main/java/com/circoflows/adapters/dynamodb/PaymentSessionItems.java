package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.fromObject;
import static com.circoflows.adapters.dynamodb.Attributes.map;
import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.number;
import static com.circoflows.adapters.dynamodb.Attributes.putIfPresent;
import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** PaymentSession <-> item. Times are fixed-width strings, so the lease condition can compare them. */
final class PaymentSessionItems {
    static final String ATTEMPT_LEASE_UNTIL = "attempt_lease_until";
    static final String AWAITING_TRANSFER_UNTIL = "awaiting_transfer_until";

    private PaymentSessionItems() {
    }

    static Map<String, AttributeValue> toItem(PaymentSession session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("session_id", s(session.sessionId()));
        item.put("merchant_id", s(session.merchantId()));
        item.put("mode", s(session.mode().wireName()));
        item.put("amount", n(session.amount()));
        item.put("currency", s(session.currency()));
        item.put("description", s(session.description()));
        item.put("customer_info", fromObject(session.customerInfo()));
        item.put("metadata", fromObject(session.metadata()));
        putIfPresent(item, "webhook_url", session.webhookUrl());
        putIfPresent(item, "return_url", session.returnUrl());
        item.put("status", s(session.status().wireName()));
        putIfPresent(item, "transaction_id", session.transactionId());
        putIfPresent(item, "attempt_transaction_id", session.attemptTransactionId());
        putTime(item, ATTEMPT_LEASE_UNTIL, session.attemptLeaseUntil());
        putTime(item, AWAITING_TRANSFER_UNTIL, session.awaitingTransferUntil());
        if (session.lastFailure() != null) {
            item.put("last_failure_code", s(session.lastFailure().code().name()));
            item.put("last_failure_message", s(session.lastFailure().message()));
            putIfPresent(item, "last_failure_decline_code", session.lastFailure().declineCode());
        }
        item.put("created_at", time(session.createdAt()));
        // Written with every write (merchant, mode and id never change): the list index's key.
        item.put(SessionListKeys.LIST_KEY, s(SessionListKeys.listKey(session.merchantId(), session.mode(),
                session.sessionId())));
        item.put("expires_at", time(session.expiresAt()));
        putTime(item, "completed_at", session.completedAt());
        putTime(item, "cancelled_at", session.cancelledAt());
        item.put("version", n(session.version()));
        if (session.failedAttempts() > 0) {
            item.put("failed_attempts", n(session.failedAttempts()));
        }
        putTime(item, "locked_until", session.lockedUntil());
        if (session.captureMethod() != CaptureMethod.AUTOMATIC) {
            item.put("capture_method", s(session.captureMethod().wireName()));
        }
        if (session.locale() != PageLocale.AUTO) {
            item.put("locale", s(session.locale().wireName()));
        }
        return item;
    }

    static PaymentSession fromItem(Map<String, AttributeValue> item) {
        PaymentFailure lastFailure = null;
        if (item.containsKey("last_failure_code")) {
            lastFailure = new PaymentFailure(ErrorCode.valueOf(string(item, "last_failure_code")),
                    string(item, "last_failure_message"), string(item, "last_failure_decline_code"));
        }
        return new PaymentSession(
                string(item, "session_id"),
                string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode")),
                number(item, "amount"),
                string(item, "currency"),
                string(item, "description"),
                map(item, "customer_info"),
                map(item, "metadata"),
                string(item, "webhook_url"),
                string(item, "return_url"),
                SessionStatus.fromWireName(string(item, "status")),
                string(item, "transaction_id"),
                string(item, "attempt_transaction_id"),
                time(item, ATTEMPT_LEASE_UNTIL),
                lastFailure,
                time(item, "created_at"),
                time(item, "expires_at"),
                time(item, "completed_at"),
                time(item, "cancelled_at"),
                number(item, "version"),
                item.containsKey("failed_attempts") ? (int) number(item, "failed_attempts") : 0,
                time(item, "locked_until"),
                item.containsKey("capture_method")
                        ? CaptureMethod.fromWireName(string(item, "capture_method")).orElseThrow()
                        : CaptureMethod.AUTOMATIC,
                item.containsKey("locale")
                        ? PageLocale.fromWireName(string(item, "locale")).orElse(PageLocale.AUTO)
                        : PageLocale.AUTO,
                time(item, AWAITING_TRANSFER_UNTIL));
    }

    private static void putTime(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, time(value));
        }
    }
}
