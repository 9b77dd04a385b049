package com.circoflows.domain.session;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.ErrorType;
import com.circoflows.domain.payment.PaymentFailure;
import java.time.Duration;

/**
 * How many declines the hosted payment page takes before it stops sending cards to the gateway, so a
 * card tester cannot use it to check stolen numbers one after another. Like Stripe Checkout, a
 * session that had too many declines is paused for a while (the page says until when), and so is
 * a client address that had too many across sessions: sessions come from the shop, so a tester can
 * start as many as the shop lets anyone start, but not from as many addresses.
 */
public final class DeclineLimits {
    /** Declines on one session; the one that reaches it locks the session for {@link #SESSION_LOCK}. */
    public static final int PER_SESSION = 5;
    public static final Duration SESSION_LOCK = Duration.ofMinutes(15);
    /**
     * Declines from one client address on any session of any merchant, per fixed {@link #ADDRESS_WINDOW}:
     * the default of the payment page function's PAGE_DECLINES_PER_ADDRESS.
     */
    public static final int PER_ADDRESS = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private DeclineLimits() {
    }

    /**
     * The card was refused: by the issuer, by the fraud screen or by a failed 3-D Secure challenge.
     * A processing error is ours, not the card's, and costs the customer nothing.
     */
    static boolean counts(PaymentFailure failure) {
        return failure != null && failure.code().type() == ErrorType.CARD_ERROR
                && failure.code() != ErrorCode.PROCESSING_ERROR;
    }
}
