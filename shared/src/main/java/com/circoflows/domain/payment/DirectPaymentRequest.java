package com.circoflows.domain.payment;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.money.Money;
import java.util.Map;

/**
 * A validated request to charge a card. Holds the PAN and CVV only until the gateway has seen them.
 *
 * @param captureMethod automatic unless the merchant asked to capture later
 */
public record DirectPaymentRequest(
        Money amount,
        CaptureMethod captureMethod,
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
