package com.circoflows.domain.session;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Hosted Payment API's rules for merchants: create a session, look at it, cancel it. A pending
 * session past its expires_at is expired the first time anyone reads it (merchant or customer), and
 * that change is stored with a conditional write, so a lazy read never overwrites a payment.
 *
 * <p>Another merchant's session, a session of the other mode (test/live) and an unknown id are the
 * same 404 session_not_found. The customer-facing side (paying) is {@link SessionCheckoutService}.
 *
 * <p>A session awaiting a bank transfer ({@link PaymentSession#awaitsTransfer}) ends with that payment: given
 * the payments ({@code linkedPayments}), reading the session learns whether the money arrived (completed, as
 * a card payment completes it) or the transfer expired (pending and payable again, or expired if its own
 * time ran out) and stores that. Without them (a function given only the sessions table) such a session reads
 * as pending, with its payment's transaction_id, until the page or a reader that has them learns the outcome;
 * it is never expired or cancelled meanwhile, since the money may still arrive.
 */
public final class HostedPaymentService {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    private static final Pattern SESSION_ID = Pattern.compile("^sess_[0-9A-Za-z]{24}$");
    private static final int MAX_CONCURRENT_RETRIES = 3;

    private final PaymentSessionRepository sessions;
    private final TransactionRepository linkedPayments;
    private final Clock clock;

    /** Sessions only: a session awaiting a bank transfer reads as pending until a reader with payments looks. */
    public HostedPaymentService(PaymentSessionRepository sessions, Clock clock) {
        this(sessions, null, clock);
    }

    /** @param linkedPayments where the payments of sessions awaiting a bank transfer are read; null for none */
    public HostedPaymentService(PaymentSessionRepository sessions, TransactionRepository linkedPayments, Clock clock) {
        this.sessions = sessions;
        this.linkedPayments = linkedPayments;
        this.clock = clock;
    }

    /** {@code sess_} + 24 base62 characters (about 143 bits): the id is the customer's only credential. */
    public static String newSessionId() {
        return RandomIds.withPrefix("sess_", 24);
    }

    public static boolean isWellFormedId(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    /**
     * @throws ApiException live_mode_not_enabled for a live key; invalid_request (param expires_at) when
     *     expires_at is not in the future or more than 7 days ahead
     */
    public PaymentSession create(AuthenticatedKey caller, NewPaymentSession request) {
        if (caller.mode() == Mode.LIVE) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED);
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt() == null
                ? now.plus(DEFAULT_LIFETIME).truncatedTo(ChronoUnit.SECONDS)
                : request.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw ApiException.invalidParam("expires_at", "The expires_at must be in the future.");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.invalidParam("expires_at", "The expires_at must be at most 7 days from now.");
        }
        PaymentSession session = new PaymentSession(newSessionId(), caller.merchantId(), caller.mode(),
                request.amount().minorUnits(), request.amount().currencyCode(), request.description(),
                request.customerInfo(), request.metadata(), request.webhookUrl(), request.returnUrl(),
                SessionStatus.PENDING, null, null, null, null, now, expiresAt, null, null, 1, 0, null,
                request.captureMethod(), request.locale());
        sessions.insert(session);
        return session;
    }

    /** The merchant's own session as it is now (paid or payable again if its bank transfer ended; expired if due). */
    public PaymentSession get(AuthenticatedKey caller, String sessionId) {
        return expireIfDue(followTransfer(findOwned(caller, sessionId)));
    }

    /**
     * Cancels a pending session. Cancelling a cancelled session answers the same again (idempotent,
     * as Stripe does); a completed one is 409 session_already_completed, an expired one 410
     * session_expired, and one whose card is being charged right now 409 session_payment_in_progress.
     */
    public PaymentSession cancel(AuthenticatedKey caller, String sessionId) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            PaymentSession current = get(caller, sessionId);
            switch (current.status()) {
                case COMPLETED -> throw new ApiException(ErrorCode.SESSION_ALREADY_COMPLETED);
                case EXPIRED -> throw new ApiException(ErrorCode.SESSION_EXPIRED);
                case CANCELLED -> {
                    return current;
                }
                case PENDING -> {
                    if (current.leaseLive(clock.instant()) || current.awaitsTransfer()) {
                        // A card being charged, or a bank transfer whose money may still arrive.
                        throw new ApiException(ErrorCode.SESSION_PAYMENT_IN_PROGRESS);
                    }
                    PaymentSession cancelled = current.cancel(clock.instant());
                    if (sessions.update(cancelled)) {
                        return cancelled;
                    }
                }
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    /**
     * Any session by id, as it is now (expired if due): for the customer-facing page, where the
     * unguessable id is the credential.
     *
     * @throws ApiException session_not_found
     */
    PaymentSession load(String sessionId) {
        return expireIfDue(find(sessionId));
    }

    private PaymentSession findOwned(AuthenticatedKey caller, String sessionId) {
        PaymentSession session = find(sessionId);
        if (!session.belongsTo(caller.merchantId()) || session.mode() != caller.mode()) {
            throw new ApiException(ErrorCode.SESSION_NOT_FOUND);
        }
        return session;
    }

    private PaymentSession find(String sessionId) {
        if (!isWellFormedId(sessionId)) {
            throw new ApiException(ErrorCode.SESSION_NOT_FOUND);
        }
        return sessions.find(sessionId).orElseThrow(() -> new ApiException(ErrorCode.SESSION_NOT_FOUND));
    }

    /**
     * Stores how the bank transfer the session awaits ended, if it did and the payments can be read; a
     * concurrent change wins and is re-read.
     */
    private PaymentSession followTransfer(PaymentSession session) {
        PaymentSession current = session;
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            if (linkedPayments == null || !current.awaitsTransfer()) {
                return current;
            }
            Optional<Transaction> payment = linkedPayments.find(current.attemptTransactionId());
            if (payment.isEmpty()) {
                return current; // cannot be: it was written in one write with the session's change
            }
            PaymentSession followed = current.followTransfer(payment.get(), clock.instant());
            if (followed == current || sessions.update(followed)) {
                return followed;
            }
            current = find(current.sessionId());
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    /** Stores the expiry of a pending session past its expires_at; a concurrent change wins and is re-read. */
    private PaymentSession expireIfDue(PaymentSession session) {
        PaymentSession current = session;
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            if (!current.isDueToExpire(clock.instant())) {
                return current;
            }
            PaymentSession expired = current.expire();
            if (sessions.update(expired)) {
                return expired;
            }
            current = find(current.sessionId());
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
