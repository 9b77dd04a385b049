package com.circoflows.domain.payment;

import com.circoflows.domain.merchant.AuthenticatedKey;

/**
 * A direct payment: the {@link PaymentEngine} decides the charge, then one atomic write stores the
 * transaction with its event and the event's delivery job is queued.
 */
public final class DirectPaymentService {
    private final PaymentEngine engine;
    private final TransactionWriter writer;

    public DirectPaymentService(PaymentEngine engine, TransactionWriter writer) {
        this.engine = engine;
        this.writer = writer;
    }

    /**
     * Pays under {@code transactionId}. Given the id of a payment a crashed request already made (a retry
     * with its Idempotency-Key), the gateway answers its first answer again and that stored payment is
     * returned: nothing is charged or stored twice.
     */
    public PaymentOutcome pay(AuthenticatedKey caller, String transactionId, DirectPaymentRequest request) {
        Transaction transaction = engine.charge(new PaymentEngine.Charge(transactionId, caller.merchantId(),
                caller.mode(), request.amount(), request.captureMethod(), request.card(), request.customerInfo(), request.metadata(),
                request.webhookUrl(), request.returnUrl(), null));
        return writer.insert(transaction);
    }
}
