package com.circoflows.domain.risk;

import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.payment.PaymentFailure;
import java.util.Optional;
import java.util.Set;

/**
 * Rules run before the gateway sees a card. For now the block list, which holds the test card that
 * always trips fraud rules; velocity and card-testing rules join it later.
 */
public final class FraudScreen {
    private static final Set<String> BLOCKED_CARDS = Set.of("4100000000000019");

    /** The failure to record when the payment must not reach the gateway, else empty. */
    public Optional<PaymentFailure> screen(CardDetails card) {
        if (BLOCKED_CARDS.contains(card.number().revealDigits())) {
            return Optional.of(new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "fraudulent"));
        }
        return Optional.empty();
    }
}
