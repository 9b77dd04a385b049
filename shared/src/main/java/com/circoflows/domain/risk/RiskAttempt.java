package com.circoflows.domain.risk;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment attempt as the fraud rules see it: no card number, only its keyed fingerprint.
 *
 * @param at           when the attempt was made; it decides the counting windows
 * @param onHostedPage made on a hosted payment page, whose amount the merchant chose, not the customer
 */
public record RiskAttempt(String merchantId, Mode mode, Money amount, String cardFingerprint, Instant at,
        boolean onHostedPage) {

    public RiskAttempt {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(cardFingerprint, "cardFingerprint");
        Objects.requireNonNull(at, "at");
    }

    /** An attempt through the API (a direct payment). */
    public RiskAttempt(String merchantId, Mode mode, Money amount, String cardFingerprint, Instant at) {
        this(merchantId, mode, amount, cardFingerprint, at, false);
    }

    /** Counters never mix merchants, nor test and live mode. */
    String merchantScope() {
        return merchantId + "#" + mode.wireName();
    }
}
