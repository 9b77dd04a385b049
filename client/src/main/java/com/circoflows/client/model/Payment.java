package com.circoflows.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * A transaction as the API shows it: the answer to creating, reading, confirming, capturing or
 * canceling a payment. Answers differ in which fields they carry (confirm-3ds answers a few), so any
 * field may be null; fields the API adds later are ignored.
 */
public final class Payment {
    public static final String ACTION_3DS = "3ds_authentication";
    public static final String ACTION_BANK_TRANSFER = "bank_transfer_instructions";

    private String transactionId;
    private String sessionId;
    private Long amount;
    private String currency;
    private String status;
    private String captureMethod;
    private Long amountCaptured;
    private Long amountRefunded;
    private Integer refundsCount;
    private String gatewayTransactionId;
    private String createdAt;
    private String processedAt;
    private String expiresAt;
    private Boolean livemode;
    private String paymentMethod;
    private Card card;
    private String wallet;
    private JsonNode bankTransfer;
    /** Named outright: the snake_case strategy would read "threeDSecure" as three_dsecure. */
    @JsonProperty("three_d_secure")
    private String threeDSecure;
    private PaymentError error;
    private Risk risk;
    private CustomerInfo customerInfo;
    private Map<String, Object> metadata;
    private Boolean webhookQueued;
    private Boolean requiresAction;
    private String actionType;
    private JsonNode actionData;

    private Payment() {
    }

    public String getTransactionId() {
        return transactionId;
    }

    /** The hosted payment session it paid, if any. */
    public String getSessionId() {
        return sessionId;
    }

    /** In the currency's minor unit. */
    public Long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    /** pending, authorized, completed, partially_refunded, refunded, failed or canceled. */
    public String getStatus() {
        return status;
    }

    public String getCaptureMethod() {
        return captureMethod;
    }

    public Long getAmountCaptured() {
        return amountCaptured;
    }

    public Long getAmountRefunded() {
        return amountRefunded;
    }

    public Integer getRefundsCount() {
        return refundsCount;
    }

    /** What confirm-3ds needs as {@code gateway_id}; null when no gateway was called. */
    public String getGatewayTransactionId() {
        return gatewayTransactionId;
    }

    public Instant getCreatedAt() {
        return Timestamps.parse(createdAt);
    }

    public Instant getProcessedAt() {
        return Timestamps.parse(processedAt);
    }

    /** A bank transfer's deadline for the payer. */
    public Instant getExpiresAt() {
        return Timestamps.parse(expiresAt);
    }

    public Boolean getLivemode() {
        return livemode;
    }

    /** card, bank_transfer, apple_pay or google_pay. */
    public String getPaymentMethod() {
        return paymentMethod;
    }

    public Card getCard() {
        return card;
    }

    public String getWallet() {
        return wallet;
    }

    /** A bank transfer's reference, account and amounts received, as the API shows them. */
    public JsonNode getBankTransfer() {
        return bankTransfer;
    }

    /** not_required, required, authenticated or failed. */
    public String getThreeDSecure() {
        return threeDSecure;
    }

    /** Why a failed payment failed. */
    public PaymentError getError() {
        return error;
    }

    public Risk getRisk() {
        return risk;
    }

    public CustomerInfo getCustomerInfo() {
        return customerInfo;
    }

    public Map<String, Object> getMetadata() {
        return metadata == null ? Collections.emptyMap() : Collections.unmodifiableMap(metadata);
    }

    /** In the answers to create, confirm, capture and cancel: whether the event it caused was queued now. */
    public Boolean getWebhookQueued() {
        return webhookQueued;
    }

    /** True while the payment waits for the customer (3-D Secure) or the payer's bank (a transfer). */
    public boolean isRequiresAction() {
        return Boolean.TRUE.equals(requiresAction);
    }

    /** {@link #ACTION_3DS} or {@link #ACTION_BANK_TRANSFER} while an action is required. */
    public String getActionType() {
        return actionType;
    }

    /** The action's data: {@code 3ds_url}, or a bank transfer's payer instructions. */
    public JsonNode getActionData() {
        return actionData;
    }

    /** Where to send the customer for the 3-D Secure challenge, or null when none is open. */
    public String getThreeDSecureUrl() {
        if (!isRequiresAction() || !ACTION_3DS.equals(actionType) || actionData == null) {
            return null;
        }
        JsonNode url = actionData.get("3ds_url");
        return url == null || url.isNull() ? null : url.asText();
    }

    @Override
    public String toString() {
        return "Payment[" + transactionId + ", " + status + ", " + amount + " " + currency + "]";
    }
}
