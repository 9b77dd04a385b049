package com.circoflows.domain.session;

import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.card.CardDetails;
import com.circoflows.domain.card.CardNumberDetector;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.PaymentFailure;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.ratelimit.RateLimitCounter;
import com.circoflows.domain.session.PaymentSessionRepository.TransactionChange;
import com.circoflows.domain.wallet.WalletCard;
import com.circoflows.domain.wallet.WalletTokens;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.observability.JsonLog;
import com.circoflows.observability.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paying a hosted payment session: what the customer-facing page calls. A session is paid at most
 * once, however many tabs submit at the same moment:
 *
 * <ol>
 *   <li>a submission first takes a lease on the session with a conditional write (pending, no live
 *       lease, same version): of simultaneous submissions one wins, the others see
 *       {@link CheckoutState.InProgress} and charge nothing;
 *   <li>the {@link PaymentEngine} (the one direct payments use) decides the charge under a transaction
 *       id recorded in the lease;
 *   <li>one atomic write stores the transaction, its webhook event and the session's change (completed,
 *       a failure to show, or a 3-D Secure challenge to take), conditional on the leased version;
 *   <li>the event's delivery job is queued (a failed send leaves the event pending for the sweeper).
 * </ol>
 *
 * <p>The lease ({@link #LEASE}) outlives the function's 15 s timeout, so an invocation still running
 * always holds it. If one dies between the gateway call and the write, nothing is stored: once the lease
 * runs out the session is payable again and the attempt is forgotten. The authorisation the gateway made
 * for it has no transaction, so the sweeper's reconciliation voids it (AuthorizationReconciler).
 *
 * <p>A customer may instead choose to pay by bank transfer (currencies with a {@code TransferScheme}):
 * under the same lease, the payment is opened pending and written with its payment.pending event and the
 * session's change (the session then awaits that transfer, see {@link PaymentSession#awaitingTransfer}) in
 * the same one atomic write. The session stays pending, shows the transfer's instructions on every visit and
 * takes no other payment, until the transfer completes (the session is completed, as by a card) or expires
 * unpaid (the session is payable again, saying why). It learns which when it is next read: the money
 * arrives through the bank credit feed, which does not touch sessions.
 *
 * <p>A customer may also pay with a wallet (Google Pay, Apple Pay): exactly as with a card, under the same
 * lease and rules, except that the charge first redeems the wallet's token for the leased transaction id (which
 * claims it: it pays nothing else) and then charges the device card inside it, with its cryptogram. A token
 * refused before any charge (it does not verify, was used, or holds an expired card) gives the session back at
 * once and is shown as the form's failure; nothing is stored for it.
 *
 * <p>Declines are limited ({@link DeclineLimits}) so the page is no card tester's oracle: per session on
 * the session itself (its changes are serialised by the lease and its version), and per client
 * address on atomic counters, a place taken before the card is charged and given back unless the
 * attempt ends in a decline. Past either limit the page answers {@link CheckoutState.Locked} and no
 * card reaches the gateway.
 */
public final class SessionCheckoutService implements SessionCheckout {
    /** Longer than any invocation may run (the template's function timeout is 15 s). */
    public static final Duration LEASE = Duration.ofSeconds(30);
    private static final JsonLog LOG = JsonLog.get(SessionCheckoutService.class);
    private static final int MAX_CONCURRENT_RETRIES = 3;
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_EMAIL_LENGTH = 320;

    private final HostedPaymentService hostedPayments;
    private final PaymentSessionRepository sessions;
    private final TransactionRepository transactions;
    private final PaymentEngine engine;
    private final ThreeDSecureService threeDSecure;
    private final TransactionWriter writer;
    private final MerchantRepository merchants;
    private final ClientAddressDeclines addressDeclines;
    private final BankTransferPayments bankTransfers;
    private final WalletTokens walletTokens;
    private final Clock clock;

    /**
     * @param declineCounters    where declines per client address are counted (the risk counters table)
     * @param declinesPerAddress how many a client address may have per window ({@link DeclineLimits#PER_ADDRESS})
     * @param bankTransfers      opens the payments of customers who choose to pay by bank transfer
     * @param walletTokens       redeems the tokens of customers who pay with a wallet
     */
    public SessionCheckoutService(PaymentSessionRepository sessions, TransactionRepository transactions,
            PaymentEngine engine, ThreeDSecureService threeDSecure, TransactionWriter writer,
            MerchantRepository merchants, RateLimitCounter declineCounters, int declinesPerAddress,
            BankTransferPayments bankTransfers, WalletTokens walletTokens, Clock clock) {
        this.hostedPayments = new HostedPaymentService(sessions, transactions, clock);
        this.bankTransfers = bankTransfers;
        this.walletTokens = walletTokens;
        this.sessions = sessions;
        this.transactions = transactions;
        this.engine = engine;
        this.threeDSecure = threeDSecure;
        this.writer = writer;
        this.merchants = merchants;
        this.addressDeclines = new ClientAddressDeclines(declineCounters, declinesPerAddress);
        this.clock = clock;
    }

    @Override
    public CheckoutState open(String sessionId) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            Step step = settle(hostedPayments.load(sessionId));
            if (step != null) {
                return step.state != null ? step.state
                        : new CheckoutState.AwaitingPayment(page(step.payable), step.payable.lastFailure());
            }
        }
        throw contended(sessionId, "open");
    }

    @Override
    public CheckoutState pay(String sessionId, CheckoutForm form) {
        return chargeUnderLease(sessionId, form.clientAddress(), "pay", leased -> engine.charge(
                new PaymentEngine.Charge(leased.attemptTransactionId(), leased.merchantId(), leased.mode(),
                        amount(leased), leased.captureMethod(), form.card(), customerInfo(leased, form),
                        leased.metadata(), leased.webhookUrl(), null, leased.sessionId())));
    }

    @Override
    public CheckoutState payWithWallet(String sessionId, WalletCheckoutForm form) {
        try {
            return chargeUnderLease(sessionId, form.clientAddress(), "pay_with_wallet",
                    leased -> chargeWallet(leased, form));
        } catch (TokenRefused refused) {
            // The session was given back before this: the customer sees the form again, saying why.
            CheckoutState now = open(sessionId);
            return now instanceof CheckoutState.AwaitingPayment awaiting
                    ? new CheckoutState.AwaitingPayment(awaiting.page(), refused.failure) : now;
        }
    }

    /**
     * Redeems the token for the leased transaction id, under the session's merchant and mode, then charges
     * its device card as a typed card is charged, with the wallet's name and cryptogram.
     */
    private Transaction chargeWallet(PaymentSession leased, WalletCheckoutForm form) {
        WalletCard card;
        try {
            card = walletTokens.redeem(leased.mode(), leased.merchantId(), form.wallet(), form.token(),
                    leased.attemptTransactionId());
        } catch (ApiException e) {
            if (e.code() == ErrorCode.LIVE_MODE_NOT_ENABLED) {
                throw e;
            }
            // Every other refusal is the token's: it does not open, was used, is for a wallet this mode does not
            // offer, or holds an expired card. The customer may pay again, with another token or a card.
            ErrorCode shown = e.code() == ErrorCode.EXPIRED_CARD ? ErrorCode.EXPIRED_CARD
                    : ErrorCode.INVALID_PAYMENT_TOKEN;
            LOG.info("session_wallet_token_refused", Map.of("session_id", leased.sessionId(),
                    "wallet", form.wallet().wireName(), "code", e.code().code()));
            throw new TokenRefused(new PaymentFailure(shown, e.getMessage(), e.declineCode()));
        }
        return engine.charge(new PaymentEngine.Charge(leased.attemptTransactionId(), leased.merchantId(),
                leased.mode(), amount(leased), leased.captureMethod(),
                CardDetails.fromWallet(card.number(), card.expiry()), leased.customerInfo(), leased.metadata(),
                leased.webhookUrl(), null, leased.sessionId(), card.wallet(), card.cryptogram()));
    }

    /**
     * Takes the session's lease (and a place among the client address's declines) and charges what
     * {@code charger} decides under it; see the class comment.
     */
    private CheckoutState chargeUnderLease(String sessionId, String clientAddress, String step,
            Charger charger) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            Step settled = settle(hostedPayments.load(sessionId));
            if (settled == null) {
                continue;
            }
            if (settled.state != null) {
                return settled.state;
            }
            Instant now = clock.instant();
            ClientAddressDeclines.Place place = addressDeclines.take(settled.payable.mode(), clientAddress, now);
            if (!place.granted()) {
                return new CheckoutState.Locked(page(settled.payable), place.until());
            }
            PaymentSession leased = settled.payable.lease(PaymentEngine.newTransactionId(), now.plus(LEASE));
            if (sessions.takeLease(leased, now)) {
                return charge(leased, charger, place);
            }
            addressDeclines.giveBack(place);
            // Another submission changed the session first: look again (it is probably charging now).
        }
        throw contended(sessionId, step);
    }

    private static Money amount(PaymentSession session) {
        return new Money(session.amount(), Money.parseCurrency(session.currency()));
    }

    @Override
    public CheckoutState payByBankTransfer(String sessionId, TransferCheckoutForm form) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            Step step = settle(hostedPayments.load(sessionId));
            if (step == null) {
                continue;
            }
            if (step.state != null) {
                // Paid, closed, being paid, paused, or awaiting the transfer chosen before (a reload or a
                // second tab): never a second payment.
                return step.state;
            }
            BankTransferRequest request = transferRequest(step.payable, form);
            Instant now = clock.instant();
            PaymentSession leased = step.payable.lease(PaymentEngine.newTransactionId(), now.plus(LEASE));
            if (sessions.takeLease(leased, now)) {
                return openTransfer(leased, request);
            }
            // Another submission changed the session first: look again.
        }
        throw contended(sessionId, "pay_by_bank_transfer");
    }

    /**
     * What the session asks to be paid, by whom: the session's customer_info (its name if it has one, else
     * the name typed on the page), metadata and webhook_url; the transfer waits the standard seven days.
     */
    private static BankTransferRequest transferRequest(PaymentSession session, TransferCheckoutForm form) {
        Money amount = new Money(session.amount(), Money.parseCurrency(session.currency()));
        TransferScheme.requireForCurrency(amount.currency());
        if (session.captureMethod() != CaptureMethod.AUTOMATIC) {
            throw ApiException.invalidParam("payment_method", "A bank transfer cannot be authorised for a later "
                    + "capture; this session's payment is to be captured by the merchant (capture_method manual).");
        }
        Map<String, Object> info = new LinkedHashMap<>(session.customerInfo());
        if (!(info.get("name") instanceof String name) || name.isBlank()) {
            putTyped(info, "name", form.payerName(), MAX_NAME_LENGTH);
        }
        if (!(info.get("name") instanceof String)) {
            throw ApiException.invalidParam("name", "The name of the account holder paying is required.");
        }
        return new BankTransferRequest(amount, info, session.metadata(), session.webhookUrl(),
                TransferExpiry.standard());
    }

    /**
     * Opens the transfer under the lease just taken: its number is claimed, then the payment, its
     * payment.pending event and the session's change (awaiting the transfer) are written in one atomic
     * write, as a card payment is. A crash before that write leaves only a claimed number no payment
     * uses; the lease runs out and the session is payable again.
     */
    private CheckoutState openTransfer(PaymentSession leased, BankTransferRequest request) {
        Transaction pending;
        try {
            pending = bankTransfers.prepare(leased.attemptTransactionId(), leased.merchantId(), leased.mode(),
                    request, leased.sessionId());
        } catch (RuntimeException e) {
            releaseQuietly(leased.abandonAttempt());
            throw e;
        }
        PaymentSession next = leased.withCustomerInfo(pending.customerInfo())
                .awaitingTransfer(pending.transactionId(), pending.bankTransfer().expiresAt());
        WebhookEvent event = writer.announce(pending);
        boolean committed;
        try {
            committed = sessions.commit(next, TransactionChange.inserted(pending, event));
        } catch (RuntimeException e) {
            releaseQuietly(leased.abandonAttempt());
            throw e;
        }
        if (!committed) {
            LOG.warn("session_transfer_not_recorded", Map.of("session_id", leased.sessionId(),
                    "transaction_id", pending.transactionId()));
            return open(leased.sessionId());
        }
        writer.queueDelivery(event);
        return new CheckoutState.AwaitingTransfer(page(next), pending);
    }

    /** Every look lost a race for the session's write: the customer is asked to try again (503). */
    private static ApiException contended(String sessionId, String step) {
        LOG.warn("session_checkout_contended", Map.of("session_id", sessionId, "step", step,
                "attempts", MAX_CONCURRENT_RETRIES));
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    /**
     * Brings the session up to date with its attempt, if it has one. Returns what the page shows, or a
     * session the customer may pay now (pending, no lease, no attempt), or null when a concurrent
     * change got in first and the caller should look again.
     */
    private Step settle(PaymentSession session) {
        Instant now = clock.instant();
        switch (session.status()) {
            case COMPLETED:
                return Step.show(new CheckoutState.Paid(page(session)));
            case CANCELLED:
            case EXPIRED:
                return Step.show(new CheckoutState.Closed(page(session)));
            default:
                break;
        }
        if (session.leaseLive(now)) {
            return Step.show(new CheckoutState.InProgress(page(session)));
        }
        if (session.attemptTransactionId() == null) {
            return payableUnlessLocked(session, now);
        }
        Optional<Transaction> attempt = transactions.find(session.attemptTransactionId());
        if (attempt.isEmpty()) {
            // The lease ran out and nothing was written: the attempt died before its write.
            PaymentSession forgotten = session.abandonAttempt();
            LOG.warn("session_attempt_abandoned", Map.of("session_id", session.sessionId(),
                    "transaction_id", session.attemptTransactionId()));
            return sessions.update(forgotten) ? payableUnlessLocked(forgotten, now) : null;
        }
        Transaction transaction = attempt.get();
        if (session.awaitsTransfer()) {
            return followTransfer(session, transaction, now);
        }
        if (transaction.status().isApproved()) {
            // Completed by an earlier open whose session write lost a race: its event is stored with it.
            PaymentSession paid = session.complete(transaction.transactionId(), transaction.processedAt())
                    .withCustomerInfo(transaction.customerInfo());
            return sessions.update(paid) ? Step.show(new CheckoutState.Paid(page(paid))) : null;
        }
        if (transaction.status() == TransactionStatus.FAILED) {
            PaymentSession failed = session.attemptFailed(transaction.failure(), now)
                    .withCustomerInfo(transaction.customerInfo());
            return sessions.update(failed) ? payableUnlessLocked(failed, now) : null;
        }
        if (transaction.threeDSecure() == ThreeDSecureStatus.AUTHENTICATED) {
            return completeChallenge(session, transaction);
        }
        return Step.show(new CheckoutState.ChallengeRequired(page(session), transaction.transactionId()));
    }

    /**
     * The session waits for its bank transfer: the instructions while the money has not all arrived, the
     * receipt once it has, and the payment page again (saying why) once the transfer expired unpaid, or the
     * expired page if the session's own time ran out meanwhile.
     */
    private Step followTransfer(PaymentSession session, Transaction payment, Instant now) {
        PaymentSession followed = session.followTransfer(payment, now);
        if (followed == session) {
            return Step.show(new CheckoutState.AwaitingTransfer(page(session), payment));
        }
        if (!sessions.update(followed)) {
            return null;
        }
        if (followed.status() == SessionStatus.COMPLETED) {
            return Step.show(new CheckoutState.Paid(page(followed)));
        }
        if (followed.isDueToExpire(now)) {
            PaymentSession expired = followed.expire();
            return sessions.update(expired) ? Step.show(new CheckoutState.Closed(page(expired))) : null;
        }
        return payableUnlessLocked(followed, now);
    }

    /** Charges the card under the lease just taken; see the class comment. */
    private CheckoutState charge(PaymentSession leased, Charger charger, ClientAddressDeclines.Place place) {
        Transaction transaction;
        try {
            transaction = charger.charge(leased);
        } catch (RuntimeException e) {
            // Nothing was stored for this attempt: give the session back at once rather than in 30 s.
            releaseQuietly(leased.abandonAttempt());
            addressDeclines.giveBack(place);
            throw e;
        }
        PaymentSession paying = leased.withCustomerInfo(transaction.customerInfo());
        PaymentSession next = switch (transaction.status()) {
            case COMPLETED, AUTHORIZED -> paying.complete(transaction.transactionId(), transaction.processedAt());
            case FAILED -> paying.attemptFailed(transaction.failure(), clock.instant());
            case PENDING -> paying.awaitingChallenge(transaction.transactionId());
            case PARTIALLY_REFUNDED, REFUNDED, CANCELED -> throw new IllegalStateException(
                    "a new payment cannot be " + transaction.status().wireName());
        };
        WebhookEvent event = writer.announce(transaction);
        boolean committed;
        try {
            committed = sessions.commit(next, TransactionChange.inserted(transaction, event));
        } catch (RuntimeException e) {
            // Nothing was written; an approval the gateway gave is voided by reconciliation. The session is
            // payable again at once, so the customer's retry needn't wait for the lease to run out.
            notRecorded(leased, transaction);
            releaseQuietly(leased.abandonAttempt());
            addressDeclines.giveBack(place);
            throw e;
        }
        if (!committed) {
            notRecorded(leased, transaction);
            addressDeclines.giveBack(place);
            return open(leased.sessionId());
        }
        if (!(transaction.status() == TransactionStatus.FAILED && DeclineLimits.counts(transaction.failure()))) {
            addressDeclines.giveBack(place);
        }
        writer.queueDelivery(event);
        return stateAfter(next, transaction);
    }

    /** The customer passed the challenge: complete through the gateway, as confirm-3ds does, under a lease. */
    private Step completeChallenge(PaymentSession session, Transaction authenticated) {
        Instant now = clock.instant();
        PaymentSession leased = session.lease(authenticated.transactionId(), now.plus(LEASE));
        if (!sessions.takeLease(leased, now)) {
            return null;
        }
        Transaction completed;
        try {
            completed = threeDSecure.completeAuthenticated(authenticated);
        } catch (RuntimeException e) {
            // processing_error: nothing was charged, the transaction stays pending; the next open tries again.
            releaseQuietly(leased.awaitingChallenge(authenticated.transactionId()));
            throw e;
        }
        PaymentSession next = completed.status().isApproved()
                ? leased.complete(completed.transactionId(), completed.processedAt())
                : leased.attemptFailed(completed.failure(), clock.instant());
        WebhookEvent event = writer.announce(completed);
        if (!sessions.commit(next, TransactionChange.updated(completed, event))) {
            notRecorded(leased, completed);
            return null;
        }
        writer.queueDelivery(event);
        return completed.status().isApproved()
                ? Step.show(new CheckoutState.Paid(page(next)))
                : payableUnlessLocked(next, clock.instant());
    }

    /** The session may be paid now, unless too many declines locked it a moment ago. */
    private Step payableUnlessLocked(PaymentSession session, Instant now) {
        return session.lockedAt(now) ? Step.show(new CheckoutState.Locked(page(session), session.lockedUntil()))
                : Step.payable(session);
    }

    private CheckoutState stateAfter(PaymentSession next, Transaction transaction) {
        return switch (transaction.status()) {
            case COMPLETED, AUTHORIZED -> new CheckoutState.Paid(page(next));
            case PARTIALLY_REFUNDED, REFUNDED, CANCELED -> throw new IllegalStateException(
                    "a new payment cannot be " + transaction.status().wireName());
            case FAILED -> next.lockedAt(clock.instant())
                    ? new CheckoutState.Locked(page(next), next.lockedUntil())
                    : new CheckoutState.AwaitingPayment(page(next), next.lastFailure());
            case PENDING -> new CheckoutState.ChallengeRequired(page(next), transaction.transactionId());
        };
    }

    /**
     * The session's write did not happen (it changed under the lease, or DynamoDB failed): nothing was
     * written. If the gateway approved, that authorisation is orphaned, and reconciliation voids it.
     */
    private static void notRecorded(PaymentSession leased, Transaction transaction) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("session_id", leased.sessionId());
        fields.put("transaction_id", transaction.transactionId());
        fields.put("status", transaction.status().wireName());
        if (transaction.gatewayTransactionId() != null) {
            fields.put("gateway_transaction_id", transaction.gatewayTransactionId());
        }
        LOG.warn("session_charge_not_recorded", fields);
    }

    private void releaseQuietly(PaymentSession released) {
        try {
            sessions.update(released);
        } catch (RuntimeException e) {
            LOG.warn("session_lease_not_released", Map.of("session_id", released.sessionId(),
                    "reason", e.getClass().getSimpleName()));
        }
    }

    /** The session's pre-filled customer info, with the cardholder name and email the customer typed. */
    private static Map<String, Object> customerInfo(PaymentSession session, CheckoutForm form) {
        Map<String, Object> info = new LinkedHashMap<>(session.customerInfo());
        putTyped(info, "name", form.cardholderName(), MAX_NAME_LENGTH);
        putTyped(info, "email", form.email(), MAX_EMAIL_LENGTH);
        return info;
    }

    /** The page validates these; a value that is empty, too long or holds a card number is never stored. */
    private static void putTyped(Map<String, Object> info, String field, String typed, int maxLength) {
        if (typed == null) {
            return;
        }
        String value = typed.strip();
        if (value.isEmpty() || value.length() > maxLength || CardNumberDetector.containsCardNumber(value)) {
            return;
        }
        info.put(field, value);
    }

    private SessionForPage page(PaymentSession session) {
        LogContext.merchant(session.merchantId()); // the page's log lines name whose customer it served
        String name = merchants.find(session.merchantId()).map(Merchant::name).orElse("the merchant");
        return new SessionForPage(session, name);
    }

    /** Decides the charge for a leased session: the transaction, version 1, not yet stored. */
    private interface Charger {
        Transaction charge(PaymentSession leased);
    }

    /** A wallet's token was refused before any charge: nothing was stored, the session is given back. */
    private static final class TokenRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PaymentFailure failure;

        TokenRefused(PaymentFailure failure) {
            super(failure.code().code(), null, false, false);
            this.failure = failure;
        }
    }

    /** Either what to show, or a session that may be paid now. */
    private record Step(CheckoutState state, PaymentSession payable) {
        static Step show(CheckoutState state) {
            return new Step(state, null);
        }

        static Step payable(PaymentSession session) {
            return new Step(null, session);
        }
    }
}
