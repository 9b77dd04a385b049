package com.circoflows.domain.banktransfer;

import com.circoflows.domain.merchant.Mode;
import java.util.Objects;

/** Whose payment a transfer number (its virtual account and its reference) was issued to. */
public record ClaimedTransfer(String transactionId, String merchantId, Mode mode) {
    public ClaimedTransfer {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
    }
}
