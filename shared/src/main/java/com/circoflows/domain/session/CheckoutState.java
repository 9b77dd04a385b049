package com.circoflows.domain.session;

import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.Transaction;
import java.time.Instant;

/** What the payment page should show (or where it should send the customer) after a step. */
public sealed interface CheckoutState {
    SessionForPage page();

    /** The card form; {@code lastFailure} (nullable) says why the previous attempt failed. */
    record AwaitingPayment(SessionForPage page, PaymentFailure lastFailure) implements CheckoutState {
    }

    /** The card needs 3-D Secure: send the customer to /pay/3ds/{transactionId}. */
    record ChallengeRequired(SessionForPage page, String transactionId) implements CheckoutState {
    }

    /**
     * The customer chose to pay by bank transfer: {@code payment} waits for its money (some may have
     * arrived). The page shows its instructions; nothing else is paid on the session meanwhile.
     */
    record AwaitingTransfer(SessionForPage page, Transaction payment) implements CheckoutState {
    }

    /** Paid, now or earlier; {@code page().session().transactionId()} is the payment. */
    record Paid(SessionForPage page) implements CheckoutState {
    }

    /** Another submission for this session is being charged right now. */
    record InProgress(SessionForPage page) implements CheckoutState {
    }

    /**
     * Too many declines on this session, or from this client address ({@link DeclineLimits}): no card
     * is charged before {@code until}. {@code page().session().lastFailure()} is the last decline, if any.
     */
    record Locked(SessionForPage page, Instant until) implements CheckoutState {
    }

    /** Expired or cancelled: nothing can be paid any more ({@code page().session().status()} says which). */
    record Closed(SessionForPage page) implements CheckoutState {
    }
}
