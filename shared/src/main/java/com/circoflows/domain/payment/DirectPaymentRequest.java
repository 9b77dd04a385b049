package com.circoflows.domain.payment;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.money.Money;
import java.util.Map;

/** A validated request to charge a card. Holds the PAN and CVV only until the gateway has seen them. */
public record DirectPaymentRequest(
        Money amount,
        CardDetails card,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl) {

    @Override
    public String toString() {
        return "DirectPaymentRequest[" + amount.formatPlain() + ", " + card + "]";
    }
}
