package com.circoflows.domain.banktransfer;

import com.circoflows.domain.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A validated request for a bank-transfer payment.
 *
 * @param customerInfo holds at least the payer's name
 * @param expiry       how long the payment waits for its money
 */
public record BankTransferRequest(Money amount, Map<String, Object> customerInfo, Map<String, Object> metadata,
        String webhookUrl, TransferExpiry expiry) {

    public BankTransferRequest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expiry, "expiry");
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
    }

    @Override
    public String toString() {
        return "BankTransferRequest[" + amount.formatPlain() + "]";
    }
}
