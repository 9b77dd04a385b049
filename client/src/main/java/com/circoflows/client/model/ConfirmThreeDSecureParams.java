package com.circoflows.client.model;

import java.util.Objects;

/**
 * What the merchant claims about a 3-D Secure challenge. The API checks the claim against what really
 * happened on the challenge page (docs/api.md "3-D Secure"), so a claim is never taken on trust.
 */
public final class ConfirmThreeDSecureParams {
    private final String status;
    private final String gatewayId;

    private ConfirmThreeDSecureParams(String status, String gatewayId) {
        this.status = status;
        this.gatewayId = Objects.requireNonNull(gatewayId, "gateway id");
    }

    /** @param gatewayId the payment's {@link Payment#getGatewayTransactionId()} */
    public static ConfirmThreeDSecureParams success(String gatewayId) {
        return new ConfirmThreeDSecureParams("success", gatewayId);
    }

    public static ConfirmThreeDSecureParams failed(String gatewayId) {
        return new ConfirmThreeDSecureParams("failed", gatewayId);
    }

    /** Asks whether the challenge was taken yet: answered with the 3-D Secure body again while it is open. */
    public static ConfirmThreeDSecureParams pending(String gatewayId) {
        return new ConfirmThreeDSecureParams("pending", gatewayId);
    }

    public String getStatus() {
        return status;
    }

    public String getGatewayId() {
        return gatewayId;
    }
}
