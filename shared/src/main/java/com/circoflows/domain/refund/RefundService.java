package com.circoflows.domain.refund;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayRefund;
import com.circoflows.domain.gateway.RefundProcessor;
import com.circoflows.domain.gateway.RefundResult;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentMethod;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.util.Optional;

/**
 * Refunds, race-safe and crash-safe. The amount is reserved on the payment first, in one atomic
 * write with the pending refund that is conditional on the payment's version: of any number of
 * concurrent refunds only those that fit in what is left are stored, the others are refused with
 * invalid_amount. Only then is the processor asked, under the refund id, so a retry (the same
 * Idempotency-Key gives the same refund id) or the settle step can ask again without refunding twice.
 * A refund that fails gives its amount back to the payment, again in one write with its event.
 */
public final class RefundService {
    /** Concurrent changes of one payment a request outlasts before answering 503 (retry). */
    static final int MAX_RACES = 64;

    private final TransactionRepository transactions;
    private final RefundRepository refunds;
    private final CardGateway gateway;
    private final RefundProcessor outboundTransfers;
    private final TransactionWriter writer;
    private final Clock clock;

    /** Where card refunds go only: a bank-transfer payment's refund is refused as a processing error. */
    public RefundService(TransactionRepository transactions, RefundRepository refunds, CardGateway gateway,
            TransactionWriter writer, Clock clock) {
        this(transactions, refunds, gateway, NO_OUTBOUND_TRANSFERS, writer, clock);
    }

    /** @param outboundTransfers where a bank-transfer payment's refunds are sent, as bank transfers back */
    public RefundService(TransactionRepository transactions, RefundRepository refunds, CardGateway gateway,
            RefundProcessor outboundTransfers, TransactionWriter writer, Clock clock) {
        this.transactions = transactions;
        this.refunds = refunds;
        this.gateway = gateway;
        this.outboundTransfers = outboundTransfers;
        this.writer = writer;
        this.clock = clock;
    }

    private static final RefundProcessor NO_OUTBOUND_TRANSFERS = new RefundProcessor() {
        @Override
        public RefundResult refund(GatewayRefund refund) {
            throw new IllegalStateException("this function was built without outbound transfers");
        }

        @Override
        public RefundResult refundStatus(GatewayRefund refund) {
            throw new IllegalStateException("this function was built without outbound transfers");
        }
    };

    /**
     * Refunds under {@code refundId}. Given the id of a refund a crashed request already reserved, that
     * refund is finished and returned: nothing is reserved or sent twice.
     *
     * @throws ApiException 404 transaction_not_found (also for another merchant's), 409
     *     invalid_transaction_state unless captured, 400 invalid_amount over what is left
     */
    public RefundOutcome refund(AuthenticatedKey caller, String transactionId, String refundId, RefundRequest request) {
        TransactionQueries owned = new TransactionQueries(transactions);
        Transaction payment = owned.findOwned(caller, transactionId);
        Optional<Refund> recorded = refunds.find(refundId);
        if (recorded.isPresent()) {
            if (!recorded.get().transactionId().equals(payment.transactionId())) {
                throw new IllegalStateException("refund id collision: " + refundId);
            }
            return finish(recorded.get());
        }
        for (int race = 0; race < MAX_RACES; race++) {
            Transaction current = race == 0 ? payment : owned.findOwned(caller, transactionId);
            Money asked = request.amountMinorUnits() == null ? null
                    : new Money(request.amountMinorUnits(), current.amount().currency());
            Transaction reserving = current.refund(asked);
            Money amount = reserving.amounts().refunded().minus(current.amounts().refunded());
            Refund refund = Refund.reserved(refundId, current.transactionId(), current.merchantId(), current.mode(),
                    amount, request.reason(), request.metadata(), clock.instant());
            if (refunds.reserve(reserving, refund)) {
                return finish(refund);
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Too many changes to this payment at once; retry the refund with the same Idempotency-Key.");
    }

    /**
     * Sends a pending refund to the processor, or asks how one sent earlier stands, and records the
     * answer. A settled refund is returned as it is.
     */
    public RefundOutcome finish(Refund refund) {
        if (refund.status() != RefundStatus.PENDING) {
            return new RefundOutcome(refund, false);
        }
        Transaction payment = paymentOf(refund);
        GatewayRefund ask = new GatewayRefund(refund.refundId(), payment.transactionId(),
                payment.gatewayTransactionId(), refund.amount());
        RefundProcessor processor = payment.paymentMethod() == PaymentMethod.BANK_TRANSFER ? outboundTransfers : gateway;
        RefundResult answer = refund.sent() ? processor.refundStatus(ask) : processor.refund(ask);
        return record(refund, answer);
    }

    private RefundOutcome record(Refund pending, RefundResult answer) {
        Refund refund = pending;
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<RefundOutcome> written = tryRecord(refund, answer);
            if (written.isPresent()) {
                return written.get();
            }
            refund = refunds.find(refund.refundId()).orElseThrow();
            if (refund.status() != RefundStatus.PENDING) {
                return new RefundOutcome(refund, false);
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Too many changes to this payment at once; retry the refund with the same Idempotency-Key.");
    }

    /** Empty when the refund or its payment changed meanwhile; nothing was written then. */
    private Optional<RefundOutcome> tryRecord(Refund refund, RefundResult answer) {
        if (answer instanceof RefundResult.Pending pending) {
            if (refund.sent()) {
                return Optional.of(new RefundOutcome(refund, false));
            }
            Refund sent = refund.sentAs(pending.gatewayRefundId());
            return refunds.save(sent, null, null) ? Optional.of(new RefundOutcome(sent, false)) : Optional.empty();
        }
        Transaction payment = paymentOf(refund);
        if (answer instanceof RefundResult.Succeeded succeeded) {
            Refund done = refund.succeeded(succeeded.gatewayRefundId(), clock.instant());
            WebhookEvent event = writer.announce(payment, WebhookEventType.REFUND_SUCCEEDED, RefundView.of(done));
            return refunds.save(done, null, event) ? Optional.of(queued(done, event)) : Optional.empty();
        }
        RefundResult.Failed failed = (RefundResult.Failed) answer;
        Refund done = refund.failed(failed.gatewayRefundId(), failed.reason(), clock.instant());
        Transaction released = payment.refundFailed(refund.amount());
        WebhookEvent event = writer.announce(released, WebhookEventType.REFUND_FAILED, RefundView.of(done));
        return refunds.save(done, released, event) ? Optional.of(queued(done, event)) : Optional.empty();
    }

    private RefundOutcome queued(Refund refund, WebhookEvent event) {
        return new RefundOutcome(refund, writer.queueDelivery(event));
    }

    private Transaction paymentOf(Refund refund) {
        return transactions.find(refund.transactionId()).orElseThrow(() -> new IllegalStateException(
                "refund " + refund.refundId() + " belongs to a transaction that is not stored"));
    }
}
