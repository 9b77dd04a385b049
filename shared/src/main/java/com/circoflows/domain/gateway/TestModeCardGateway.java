package com.circoflows.domain.gateway;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayResult.Approved;
import com.circoflows.domain.gateway.GatewayResult.Declined;
import com.circoflows.domain.gateway.GatewayResult.ProcessingError;
import com.circoflows.domain.gateway.GatewayResult.ThreeDSecureRequired;
import com.circoflows.domain.money.Money;
import java.time.Clock;
import java.util.Optional;

/**
 * The processor used with test API keys: no network and no money, the documented answer for each
 * test card, and a {@link GatewayLedger} of what it authorised, as a processor keeps one: asked again
 * under a transaction id it knows, it answers from the ledger, so a retry can never charge twice.
 * Authorising means writing the ledger: when that write fails, nothing was authorised.
 */
public final class TestModeCardGateway implements CardGateway {
    static final String VOIDED_MESSAGE = "This payment's authorisation was voided, so nothing was charged; "
            + "pay again with a new Idempotency-Key.";

    static final String REFUND_ID_PREFIX = "gwre_";

    private final GatewayTransactionIds ids;
    private final GatewayLedger ledger;
    private final Clock clock;

    public TestModeCardGateway(GatewayLedger ledger, Clock clock) {
        this(new GatewayTransactionIds(), ledger, clock);
    }

    TestModeCardGateway(GatewayTransactionIds ids, GatewayLedger ledger, Clock clock) {
        this.ids = ids;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public GatewayResult authorize(GatewayAuthorization authorization) {
        GatewayResult answer = decide(authorization);
        Optional<AuthorizationRecord> earlier =
                ledger.recordOrReplay(AuthorizationRecord.first(authorization, answer, clock.instant()));
        return earlier.isEmpty() ? answer : replay(earlier.get(), authorization);
    }

    /** Completes a pending authorisation once; a repeat (a retried confirmation) is answered the same. */
    @Override
    public GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId) {
        AuthorizationRecord record = ledger.find(transactionId)
                .filter(found -> found.gatewayTransactionId().equals(gatewayTransactionId))
                .orElseThrow(() -> new IllegalArgumentException("No such authorisation at the gateway"));
        return switch (record.state()) {
            case PENDING_AUTHENTICATION -> ledger.markCharged(transactionId, clock.instant())
                    ? new Approved(gatewayTransactionId)
                    // Completed or voided a moment ago by someone else: answer as it stands now.
                    : completeThreeDSecure(transactionId, gatewayTransactionId);
            case CHARGED -> new Approved(gatewayTransactionId);
            case VOIDED -> new ProcessingError(gatewayTransactionId, VOIDED_MESSAGE);
            case NOT_CHARGED -> throw new IllegalStateException("a declined authorisation has no challenge");
        };
    }

    /** An approved authorisation can be captured (again, answering the same) until it is voided. */
    @Override
    public GatewayResult capture(String transactionId, String gatewayTransactionId, Money amount) {
        AuthorizationRecord record = approvedRecord(transactionId, gatewayTransactionId);
        if (amount.isMoreThan(record.amount())) {
            throw new IllegalArgumentException("capture of " + amount.minorUnits() + " exceeds the authorisation");
        }
        return record.state() == AuthorizationState.VOIDED ? new ProcessingError(gatewayTransactionId, VOIDED_MESSAGE)
                : new Approved(gatewayTransactionId);
    }

    @Override
    public GatewayResult voidAuthorization(String transactionId, String gatewayTransactionId) {
        AuthorizationRecord record = approvedRecord(transactionId, gatewayTransactionId);
        if (record.state() == AuthorizationState.CHARGED && !ledger.markVoided(transactionId, clock.instant())) {
            return voidAuthorization(transactionId, gatewayTransactionId);
        }
        return new Approved(gatewayTransactionId);
    }

    /**
     * Decided by the card the ledger noted when it authorised (see {@link TestRefundCards}), the same on
     * every ask: the refund id makes it idempotent. A payment the ledger never saw refunds as any card.
     */
    @Override
    public RefundResult refund(GatewayRefund refund) {
        String id = REFUND_ID_PREFIX + refund.refundId().substring(refund.refundId().indexOf('_') + 1);
        RefundBehaviour behaviour = ledger.find(refund.transactionId()).map(AuthorizationRecord::refundBehaviour)
                .orElse(RefundBehaviour.SUCCEEDS);
        return switch (behaviour) {
            case FAILS -> new RefundResult.Failed(id, "expired_or_canceled_card");
            case STAYS_PENDING -> new RefundResult.Pending(id);
            case SUCCEEDS -> new RefundResult.Succeeded(id);
        };
    }

    /** A pending test refund has settled by the time anyone asks about it again. */
    @Override
    public RefundResult refundStatus(GatewayRefund refund) {
        RefundResult started = refund(refund);
        return started instanceof RefundResult.Pending pending ? new RefundResult.Succeeded(pending.gatewayRefundId())
                : started;
    }

    private AuthorizationRecord approvedRecord(String transactionId, String gatewayTransactionId) {
        AuthorizationRecord record = ledger.find(transactionId)
                .filter(found -> found.gatewayTransactionId().equals(gatewayTransactionId))
                .orElseThrow(() -> new IllegalArgumentException("No such authorisation at the gateway"));
        if (record.state() != AuthorizationState.CHARGED && record.state() != AuthorizationState.VOIDED) {
            throw new IllegalStateException("authorisation " + transactionId + " was never approved");
        }
        return record;
    }

    private GatewayResult decide(GatewayAuthorization authorization) {
        String id = ids.next();
        return switch (authorization.card().number().revealDigits()) {
            case TestCards.DECLINED -> declined(id, ErrorCode.CARD_DECLINED, "generic_decline");
            // A device token's cryptogram is the issuer's authentication already: no challenge follows.
            case TestCards.THREE_D_SECURE_REQUIRED -> authorization.cryptogram() != null ? new Approved(id)
                    : new ThreeDSecureRequired(id);
            case TestCards.INSUFFICIENT_FUNDS -> declined(id, ErrorCode.INSUFFICIENT_FUNDS, "insufficient_funds");
            case TestCards.EXPIRED_CARD -> declined(id, ErrorCode.EXPIRED_CARD, "expired_card");
            case TestCards.INCORRECT_CVC -> declined(id, ErrorCode.INVALID_CVV, "incorrect_cvc");
            case TestCards.PROCESSING_ERROR -> new ProcessingError(id, ErrorCode.PROCESSING_ERROR.defaultMessage());
            default -> new Approved(id);
        };
    }

    /**
     * The first answer again. A processor refuses an idempotency key reused for another charge; ours
     * are unguessable and merchant-scoped, so that is a bug, not a request. A voided authorisation is
     * not revived: the cardholder's money was released, and the payment has to start afresh.
     */
    private static GatewayResult replay(AuthorizationRecord earlier, GatewayAuthorization authorization) {
        if (!earlier.sameAs(authorization)) {
            throw new IllegalStateException("transaction " + authorization.transactionId()
                    + " was authorised for another merchant or amount");
        }
        if (earlier.state() == AuthorizationState.VOIDED) {
            return new ProcessingError(earlier.gatewayTransactionId(), VOIDED_MESSAGE);
        }
        return earlier.answer();
    }

    private static Declined declined(String id, ErrorCode code, String declineCode) {
        return new Declined(id, code, declineCode, code.defaultMessage());
    }
}
