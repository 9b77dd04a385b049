package com.circoflows.domain.gateway;

import java.util.Objects;

/** Where a refund stands at the processor. */
public sealed interface RefundResult {

    String gatewayRefundId();

    /** The money is on its way back to the cardholder. */
    record Succeeded(String gatewayRefundId) implements RefundResult {
        public Succeeded {
            Objects.requireNonNull(gatewayRefundId, "gatewayRefundId");
        }
    }

    /** Accepted, not settled yet: asking again later tells how it ended. */
    record Pending(String gatewayRefundId) implements RefundResult {
        public Pending {
            Objects.requireNonNull(gatewayRefundId, "gatewayRefundId");
        }
    }

    /**
     * The card could not take the money back (closed account, lost card): nothing was refunded.
     *
     * @param reason Stripe's failure_reason vocabulary: lost_or_stolen_card, expired_or_canceled_card, unknown
     */
    record Failed(String gatewayRefundId, String reason) implements RefundResult {
        public Failed {
            Objects.requireNonNull(gatewayRefundId, "gatewayRefundId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
