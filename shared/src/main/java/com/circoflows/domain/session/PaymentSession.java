package com.circoflows.domain.session;

import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A hosted payment session: what the merchant asked the customer to pay, and how far the customer
 * got. Immutable; every change yields {@code version + 1} for optimistic concurrency.
 *
 * @param transactionId        the transaction that paid the session, once completed
 * @param attemptTransactionId the payment attempt in progress: a card being charged (until
 *                             {@code attemptLeaseUntil}) or a 3-D Secure challenge awaiting the customer
 * @param attemptLeaseUntil    while in the future, another submission must not charge a card
 * @param lastFailure          why the customer's last attempt failed, shown on the page until the next one
 * @param failedAttempts       declines since the session was created or last locked (see {@link DeclineLimits})
 * @param lockedUntil          after too many declines no card is charged before this instant; null if never locked
 * @param captureMethod        manual: the page's payment is only authorised, for the merchant to capture
 * @param locale               the language the page speaks; AUTO: the customer's browser's
 * @param awaitingTransferUntil set while {@code attemptTransactionId} is a bank transfer waiting for its money:
 *                             until when it waits (its expires_at). The session then ends with the payment,
 *                             not by itself: it neither expires nor may be cancelled while the money can
 *                             still arrive; only a reader that sees the payment (the page, the status API)
 *                             learns how it ended and changes the session
 */
public record PaymentSession(
        String sessionId,
        String merchantId,
        Mode mode,
        long amount,
        String currency,
        String description,
        Map<String, Object> customerInfo,
        Map<String, Object> metadata,
        String webhookUrl,
        String returnUrl,
        SessionStatus status,
        String transactionId,
        String attemptTransactionId,
        Instant attemptLeaseUntil,
        PaymentFailure lastFailure,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt,
        Instant cancelledAt,
        long version,
        int failedAttempts,
        Instant lockedUntil,
        CaptureMethod captureMethod,
        PageLocale locale,
        Instant awaitingTransferUntil) {

    public PaymentSession {
        customerInfo = customerInfo == null ? Map.of() : customerInfo;
        metadata = metadata == null ? Map.of() : metadata;
        captureMethod = captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod;
        locale = locale == null ? PageLocale.AUTO : locale;
        if (awaitingTransferUntil != null && attemptTransactionId == null) {
            throw new IllegalArgumentException("a session awaits a bank transfer only as its payment attempt");
        }
    }

    /** A session not waiting for a bank transfer. */
    public PaymentSession(String sessionId, String merchantId, Mode mode, long amount, String currency,
            String description, Map<String, Object> customerInfo, Map<String, Object> metadata, String webhookUrl,
            String returnUrl, SessionStatus status, String transactionId, String attemptTransactionId,
            Instant attemptLeaseUntil, PaymentFailure lastFailure, Instant createdAt, Instant expiresAt,
            Instant completedAt, Instant cancelledAt, long version, int failedAttempts, Instant lockedUntil,
            CaptureMethod captureMethod, PageLocale locale) {
        this(sessionId, merchantId, mode, amount, currency, description, customerInfo, metadata, webhookUrl, returnUrl,
                status, transactionId, attemptTransactionId, attemptLeaseUntil, lastFailure, createdAt, expiresAt,
                completedAt, cancelledAt, version, failedAttempts, lockedUntil, captureMethod, locale, null);
    }

    /** A session whose page speaks the customer's browser's language. */
    public PaymentSession(String sessionId, String merchantId, Mode mode, long amount, String currency,
            String description, Map<String, Object> customerInfo, Map<String, Object> metadata, String webhookUrl,
            String returnUrl, SessionStatus status, String transactionId, String attemptTransactionId,
            Instant attemptLeaseUntil, PaymentFailure lastFailure, Instant createdAt, Instant expiresAt,
            Instant completedAt, Instant cancelledAt, long version, int failedAttempts, Instant lockedUntil,
            CaptureMethod captureMethod) {
        this(sessionId, merchantId, mode, amount, currency, description, customerInfo, metadata, webhookUrl, returnUrl,
                status, transactionId, attemptTransactionId, attemptLeaseUntil, lastFailure, createdAt, expiresAt,
                completedAt, cancelledAt, version, failedAttempts, lockedUntil, captureMethod, PageLocale.AUTO);
    }

    /** A session whose payment is captured at once (capture_method automatic). */
    public PaymentSession(String sessionId, String merchantId, Mode mode, long amount, String currency,
            String description, Map<String, Object> customerInfo, Map<String, Object> metadata, String webhookUrl,
            String returnUrl, SessionStatus status, String transactionId, String attemptTransactionId,
            Instant attemptLeaseUntil, PaymentFailure lastFailure, Instant createdAt, Instant expiresAt,
            Instant completedAt, Instant cancelledAt, long version, int failedAttempts, Instant lockedUntil) {
        this(sessionId, merchantId, mode, amount, currency, description, customerInfo, metadata, webhookUrl, returnUrl,
                status, transactionId, attemptTransactionId, attemptLeaseUntil, lastFailure, createdAt, expiresAt,
                completedAt, cancelledAt, version, failedAttempts, lockedUntil, CaptureMethod.AUTOMATIC);
    }

    /** A session nobody has yet been refused on: no declines counted, never locked. */
    public PaymentSession(String sessionId, String merchantId, Mode mode, long amount, String currency,
            String description, Map<String, Object> customerInfo, Map<String, Object> metadata, String webhookUrl,
            String returnUrl, SessionStatus status, String transactionId, String attemptTransactionId,
            Instant attemptLeaseUntil, PaymentFailure lastFailure, Instant createdAt, Instant expiresAt,
            Instant completedAt, Instant cancelledAt, long version) {
        this(sessionId, merchantId, mode, amount, currency, description, customerInfo, metadata, webhookUrl, returnUrl,
                status, transactionId, attemptTransactionId, attemptLeaseUntil, lastFailure, createdAt, expiresAt,
                completedAt, cancelledAt, version, 0, null, CaptureMethod.AUTOMATIC);
    }

    public boolean belongsTo(String merchantIdToCheck) {
        return merchantId.equals(merchantIdToCheck);
    }

    /** Too many declines a moment ago: no card may be charged for this session before {@link #lockedUntil}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A card is being charged for this session right now: no other submission may charge one. */
    public boolean leaseLive(Instant now) {
        return attemptLeaseUntil != null && now.isBefore(attemptLeaseUntil);
    }

    /**
     * Pending, past expires_at, no card being charged (a charge that started before expires_at is allowed
     * to finish; its write is conditional on the version it leased) and no bank transfer awaited (money
     * may still arrive for it: the session ends when the transfer does, see {@link #followTransfer}).
     */
    public boolean isDueToExpire(Instant now) {
        return status == SessionStatus.PENDING && !now.isBefore(expiresAt) && !leaseLive(now)
                && !awaitsTransfer();
    }

    /** The customer chose to pay by bank transfer, and the session waits for what becomes of it. */
    public boolean awaitsTransfer() {
        return awaitingTransferUntil != null;
    }

    /**
     * The session as a read at {@code now} shows it: expired if due, without storing that (a list
     * shows sessions as they are without writing them; the next GET or page view stores the expiry).
     */
    public PaymentSession asOf(Instant now) {
        return isDueToExpire(now) ? expire() : this;
    }

    public PaymentSession expire() {
        requirePending();
        if (awaitsTransfer()) {
            throw new IllegalStateException("session " + sessionId + " awaits a bank transfer");
        }
        return with(SessionStatus.EXPIRED, transactionId, attemptTransactionId, null, lastFailure, completedAt,
                cancelledAt);
    }

    public PaymentSession cancel(Instant at) {
        requirePending();
        if (awaitsTransfer()) {
            throw new IllegalStateException("session " + sessionId + " awaits a bank transfer");
        }
        return with(SessionStatus.CANCELLED, transactionId, attemptTransactionId, null, lastFailure, completedAt, at);
    }

    /** Reserves the session for one charge, recorded under {@code attemptTransaction} until {@code until}. */
    public PaymentSession lease(String attemptTransaction, Instant until) {
        requirePending();
        return with(status, transactionId, attemptTransaction, until, null, completedAt, cancelledAt);
    }

    /** Paid by {@code paidBy}. */
    public PaymentSession complete(String paidBy, Instant at) {
        requirePending();
        return with(SessionStatus.COMPLETED, paidBy, null, null, null, at, cancelledAt);
    }

    /**
     * The attempt failed at {@code at}; the customer may try again (with another card) while the session
     * is pending. A decline that makes {@link DeclineLimits#PER_SESSION} locks the session for
     * {@link DeclineLimits#SESSION_LOCK} and starts the count afresh.
     */
    public PaymentSession attemptFailed(PaymentFailure why, Instant at) {
        requirePending();
        if (!DeclineLimits.counts(why)) {
            return with(status, transactionId, null, null, why, completedAt, cancelledAt);
        }
        int declines = failedAttempts + 1;
        boolean lock = declines >= DeclineLimits.PER_SESSION;
        return with(status, transactionId, null, null, why, completedAt, cancelledAt, lock ? 0 : declines,
                lock ? at.plus(DeclineLimits.SESSION_LOCK) : lockedUntil);
    }

    /** The attempt waits for the customer's 3-D Secure challenge; the lease is given back. */
    public PaymentSession awaitingChallenge(String attemptTransaction) {
        requirePending();
        return with(status, transactionId, attemptTransaction, null, null, completedAt, cancelledAt);
    }

    /**
     * The customer chose a bank transfer, {@code payment}, which waits for its money until {@code until}.
     * Nothing else is paid on the session meanwhile; the page shows the payment's instructions again.
     */
    public PaymentSession awaitingTransfer(String payment, Instant until) {
        requirePending();
        PaymentSession next = with(status, transactionId, payment, null, null, completedAt, cancelledAt);
        return next.withAwaitingTransferUntil(until);
    }

    /**
     * The session as its bank transfer {@code payment} now stands: paid once the money arrived in full
     * (completed at the time it did, as a card payment completes the session), payable again with the
     * payment's failure (bank_transfer_expired) to show once the transfer expired, else unchanged (this
     * same instance). Only for the payment this session awaits.
     */
    public PaymentSession followTransfer(Transaction payment, Instant now) {
        if (!awaitsTransfer() || !payment.transactionId().equals(attemptTransactionId)
                || payment.bankTransfer() == null) {
            throw new IllegalArgumentException("session " + sessionId + " does not await " + payment.transactionId());
        }
        if (payment.status().isApproved()) {
            return complete(payment.transactionId(), payment.processedAt());
        }
        if (payment.status() == TransactionStatus.PENDING) {
            return this;
        }
        // Failed (expired unpaid) or, should it ever be, cancelled: the session may be paid another way.
        PaymentFailure why = payment.failure() != null ? payment.failure()
                : new PaymentFailure(ErrorCode.BANK_TRANSFER_EXPIRED, ErrorCode.BANK_TRANSFER_EXPIRED.defaultMessage(),
                        null);
        return attemptFailed(why, now);
    }

    /** Forgets an attempt that left no transaction behind (it failed before, or crashed before, its write). */
    public PaymentSession abandonAttempt() {
        requirePending();
        return with(status, transactionId, null, null, lastFailure, completedAt, cancelledAt);
    }

    /**
     * The customer details a payment attempt of this session was made with (the pre-filled ones and what
     * the customer typed on the page), so the session shows them too. Not a change of its own: it goes
     * into the same write as the change it accompanies, so the version stays.
     */
    public PaymentSession withCustomerInfo(Map<String, Object> attemptCustomerInfo) {
        return new PaymentSession(sessionId, merchantId, mode, amount, currency, description, attemptCustomerInfo,
                metadata, webhookUrl, returnUrl, status, transactionId, attemptTransactionId, attemptLeaseUntil,
                lastFailure, createdAt, expiresAt, completedAt, cancelledAt, version, failedAttempts, lockedUntil,
                captureMethod, locale, awaitingTransferUntil);
    }

    /** Part of the change that makes it: the version stays. */
    private PaymentSession withAwaitingTransferUntil(Instant until) {
        return new PaymentSession(sessionId, merchantId, mode, amount, currency, description, customerInfo,
                metadata, webhookUrl, returnUrl, status, transactionId, attemptTransactionId, attemptLeaseUntil,
                lastFailure, createdAt, expiresAt, completedAt, cancelledAt, version, failedAttempts, lockedUntil,
                captureMethod, locale, until);
    }

    /**
     * Where the customer goes after the page: return_url with {@code session_id} and {@code status}
     * added to its query, before any #fragment; null without a return_url.
     */
    public String returnLocation() {
        if (returnUrl == null || returnUrl.isBlank()) {
            return null;
        }
        int hash = returnUrl.indexOf('#');
        String beforeFragment = hash < 0 ? returnUrl : returnUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : returnUrl.substring(hash);
        String separator = beforeFragment.contains("?")
                ? (beforeFragment.endsWith("?") || beforeFragment.endsWith("&") ? "" : "&") : "?";
        return beforeFragment + separator
                + "session_id=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8)
                + "&status=" + URLEncoder.encode(status.wireName(), StandardCharsets.UTF_8)
                + fragment;
    }

    private void requirePending() {
        if (status != SessionStatus.PENDING) {
            throw new IllegalStateException("session " + sessionId + " is " + status.wireName());
        }
    }

    private PaymentSession with(SessionStatus nextStatus, String nextTransactionId, String nextAttempt,
            Instant nextLeaseUntil, PaymentFailure nextFailure, Instant nextCompletedAt, Instant nextCancelledAt) {
        return with(nextStatus, nextTransactionId, nextAttempt, nextLeaseUntil, nextFailure, nextCompletedAt,
                nextCancelledAt, failedAttempts, lockedUntil);
    }

    /** Every change but {@link #awaitingTransfer} ends any bank transfer the session awaited. */
    private PaymentSession with(SessionStatus nextStatus, String nextTransactionId, String nextAttempt,
            Instant nextLeaseUntil, PaymentFailure nextFailure, Instant nextCompletedAt, Instant nextCancelledAt,
            int nextFailedAttempts, Instant nextLockedUntil) {
        return new PaymentSession(sessionId, merchantId, mode, amount, currency, description, customerInfo, metadata,
                webhookUrl, returnUrl, nextStatus, nextTransactionId, nextAttempt, nextLeaseUntil, nextFailure,
                createdAt, expiresAt, nextCompletedAt, nextCancelledAt, version + 1, nextFailedAttempts,
                nextLockedUntil, captureMethod, locale, null);
    }
}
