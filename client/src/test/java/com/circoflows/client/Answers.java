package com.circoflows.client;

/** API answers as the docs show them (docs/openapi.yaml examples), for the fake server to give. */
final class Answers {
    static final String COMPLETED = "{\"success\":true,\"message\":\"Payment processed successfully\",\"data\":{"
            + "\"transaction_id\":\"txn_KxbXNBMSQnF8wV3zCCqKhp4y\",\"amount\":15000,\"currency\":\"USD\","
            + "\"status\":\"completed\",\"gateway_transaction_id\":\"gw_RpPffd0vyVWXX7My53E8VXXg\","
            + "\"created_at\":\"2026-12-04T16:53:05Z\",\"webhook_queued\":true,\"a_field_added_later\":{\"x\":1}}}";
    static final String THREE_DS_REQUIRED = "{\"success\":true,\"message\":\"3D Secure authentication required\","
            + "\"data\":{\"transaction_id\":\"txn_AH4aMkSchU2UsJjyZ4wxNDsh\",\"amount\":1000,\"currency\":\"USD\","
            + "\"status\":\"pending\",\"gateway_transaction_id\":\"gw_MzYGusTTkINj7lMfcCGB6p9P\","
            + "\"requires_action\":true,\"action_type\":\"3ds_authentication\",\"action_data\":{\"3ds_url\":"
            + "\"http://localhost:3107/pay/3ds/txn_AH4aMkSchU2UsJjyZ4wxNDsh\"},\"created_at\":\"2026-12-04T16:53:12Z\","
            + "\"webhook_queued\":true}}";
    static final String THREE_DS_CONFIRMED = "{\"success\":true,\"message\":\"3D Secure authentication confirmed\","
            + "\"data\":{\"transaction_id\":\"txn_AH4aMkSchU2UsJjyZ4wxNDsh\",\"status\":\"completed\","
            + "\"gateway_transaction_id\":\"gw_MzYGusTTkINj7lMfcCGB6p9P\",\"three_d_secure\":\"authenticated\","
            + "\"webhook_queued\":true}}";
    static final String DECLINED = "{\"success\":false,\"error\":{\"code\":\"card_declined\",\"message\":"
            + "\"Your card was declined.\",\"type\":\"card_error\",\"decline_code\":\"generic_decline\","
            + "\"transaction_id\":\"txn_AtXJXYXS6bR1yWZQvCt42yTq\"}}";
    static final String SERVER_ERROR = "{\"success\":false,\"error\":{\"code\":\"server_error\",\"message\":"
            + "\"An unexpected error occurred.\",\"type\":\"api_error\"}}";
    static final String KEY_IN_USE = "{\"success\":false,\"error\":{\"code\":\"idempotency_key_in_use\",\"message\":"
            + "\"A request with this Idempotency-Key is still being processed; retry after it finishes.\","
            + "\"type\":\"idempotency_error\"}}";
    static final String INVALID_STATE = "{\"success\":false,\"error\":{\"code\":\"invalid_transaction_state\","
            + "\"message\":\"The transaction is completed and cannot be captured; only authorized payments can be "
            + "captured, once.\",\"type\":\"invalid_request_error\"}}";
    static final String RATE_LIMITED = "{\"success\":false,\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":"
            + "\"Too many requests: the limit is 100 per minute for this API key. Retry after 1 s.\","
            + "\"type\":\"rate_limit_error\"}}";
    static final String REFUND = "{\"success\":true,\"message\":\"Refund succeeded\",\"data\":{\"refund_id\":"
            + "\"re_Q8mZt2LxVb7RkPn3WcY5HdJa\",\"transaction_id\":\"txn_KxbXNBMSQnF8wV3zCCqKhp4y\",\"amount\":5000,"
            + "\"currency\":\"USD\",\"status\":\"succeeded\",\"reason\":\"requested_by_customer\",\"metadata\":"
            + "{\"ticket\":\"SUP-881\"},\"created_at\":\"2026-12-05T09:12:44Z\",\"settled_at\":\"2026-12-05T09:12:44Z\","
            + "\"webhook_queued\":true}}";

    private Answers() {
    }

    /** A page of the transaction list holding the given ids. */
    static String page(String nextCursor, String... transactionIds) {
        StringBuilder items = new StringBuilder();
        for (String id : transactionIds) {
            items.append(items.length() == 0 ? "" : ",").append("{\"transaction_id\":\"").append(id)
                    .append("\",\"amount\":1000,\"currency\":\"USD\",\"status\":\"completed\"}");
        }
        return "{\"success\":true,\"data\":{\"transactions\":[" + items + "],\"has_more\":" + (nextCursor != null)
                + ",\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}}";
    }
}
