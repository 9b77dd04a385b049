package com.circoflows.api.sessions;

import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.session.PageLocale;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The response bodies of the reference's Hosted Payment API. */
final class SessionViews {
    private static final List<String> CUSTOMER_FIELDS = List.of("name", "email", "phone", "address");

    private SessionViews() {
    }

    /** POST /api/hosted-payment: the reference's eight fields. */
    static Map<String, Object> created(PaymentSession session, String paymentUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.sessionId());
        data.put("payment_url", paymentUrl);
        data.put("amount", session.amount());
        data.put("currency", session.currency());
        data.put("description", session.description());
        data.put("status", session.status().wireName());
        data.put("expires_at", Timestamps.format(session.expiresAt()));
        data.put("created_at", Timestamps.format(session.createdAt()));
        putLocale(data, session);
        return data;
    }

    /** Like capture_method, shown only when the merchant chose one: "auto" answers as the reference's fields. */
    private static void putLocale(Map<String, Object> data, PaymentSession session) {
        if (session.locale() != PageLocale.AUTO) {
            data.put("locale", session.locale().wireName());
        }
    }

    /** GET /api/hosted-payment/{session_id}: the reference's fields, those that apply, plus expires_at. */
    static Map<String, Object> status(PaymentSession session) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.sessionId());
        data.put("amount", session.amount());
        data.put("currency", session.currency());
        data.put("description", session.description());
        data.put("status", session.status().wireName());
        if (session.captureMethod() != CaptureMethod.AUTOMATIC) {
            data.put("capture_method", session.captureMethod().wireName());
        }
        putLocale(data, session);
        if (session.transactionId() != null) {
            data.put("transaction_id", session.transactionId());
        } else if (session.awaitsTransfer()) {
            // The bank transfer the customer chose, pending until its money arrives: GET /api/direct-payment/{id}.
            data.put("transaction_id", session.attemptTransactionId());
        }
        if (!session.customerInfo().isEmpty()) {
            data.put("customer_info", inRequestOrder(session.customerInfo()));
        }
        if (!session.metadata().isEmpty()) {
            data.put("metadata", session.metadata());
        }
        data.put("created_at", Timestamps.format(session.createdAt()));
        data.put("expires_at", Timestamps.format(session.expiresAt()));
        if (session.completedAt() != null) {
            data.put("completed_at", Timestamps.format(session.completedAt()));
        }
        if (session.cancelledAt() != null) {
            data.put("cancelled_at", Timestamps.format(session.cancelledAt()));
        }
        return data;
    }

    /** Stored maps come back in no particular order; show customer_info in the order of the reference. */
    private static Map<String, Object> inRequestOrder(Map<String, Object> customerInfo) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String field : CUSTOMER_FIELDS) {
            if (customerInfo.containsKey(field)) {
                ordered.put(field, customerInfo.get(field));
            }
        }
        customerInfo.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** POST /api/hosted-payment/{session_id}/cancel: the reference's three fields. */
    static Map<String, Object> cancelled(PaymentSession session) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.sessionId());
        data.put("status", session.status().wireName());
        data.put("cancelled_at", Timestamps.format(session.cancelledAt()));
        return data;
    }
}
