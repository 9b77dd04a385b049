package com.circoflows.client;

import com.circoflows.client.model.Refund;
import com.circoflows.client.model.RefundParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code /api/direct-payment/{id}/refunds}: giving back captured money, in full or in part. */
public final class RefundService {
    private final ApiRequestor requestor;

    RefundService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /**
     * Refunds. Pass your own idempotency key (a refund request id of yours) so a retry after a crash
     * finishes this refund instead of making a second one.
     */
    @ApiOperation("createRefund")
    public Refund create(String transactionId, RefundParams params) {
        return create(transactionId, params, RequestOptions.none());
    }

    @ApiOperation("createRefund")
    public Refund create(String transactionId, RefundParams params, RequestOptions options) {
        return requestor.post(path(transactionId), params, options, Refund.class);
    }

    /** All of the payment's refunds (at most 100), oldest first. */
    @ApiOperation("listRefunds")
    public List<Refund> list(String transactionId) {
        JsonNode data = requestor.send("GET", path(transactionId), null, RequestOptions.none());
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode refund : data.path("refunds")) {
            refunds.add(ApiRequestor.bind(refund, Refund.class));
        }
        return Collections.unmodifiableList(refunds);
    }

    private static String path(String transactionId) {
        return "/api/direct-payment/" + UrlParts.segment(transactionId) + "/refunds";
    }
}
