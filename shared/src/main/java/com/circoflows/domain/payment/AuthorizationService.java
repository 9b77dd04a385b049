package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.money.Money;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What follows a manual-capture authorisation: capture (full or partial, once) or cancel. The payment
 * decides whether the move is legal before the processor is asked; the processor's answer is then
 * written with the event it causes, optimistic on the payment's version. Both processor calls are
 * idempotent per transaction, so a request retried after a crash between the call and the write asks
 * again and writes then.
 */
public final class AuthorizationService {
    private static final int MAX_RACES = 8;

    private final TransactionRepository transactions;
    private final CardGateway gateway;
    private final TransactionWriter writer;

    public AuthorizationService(TransactionRepository transactions, CardGateway gateway, TransactionWriter writer) {
        this.transactions = transactions;
        this.gateway = gateway;
        this.writer = writer;
    }

    /**
     * @param amountMinorUnits in the payment's currency; null captures the whole authorisation
     * @throws ApiException 409 invalid_transaction_state unless authorized, 400 invalid_amount over it
     */
    public PaymentOutcome capture(AuthenticatedKey caller, String transactionId, Long amountMinorUnits) {
        return change(caller, transactionId, current -> current.capture(amountMinorUnits == null ? null
                : new Money(amountMinorUnits, current.amount().currency())), true);
    }

    /** @throws ApiException 409 invalid_transaction_state unless authorized (captured, canceled, failed…) */
    public PaymentOutcome cancel(AuthenticatedKey caller, String transactionId) {
        return change(caller, transactionId, Transaction::cancel, false);
    }

    /**
     * Cancels an authorisation nobody captured within its window (the scheduled settlement). False when
     * it was captured or canceled meanwhile: nothing to do.
     */
    public boolean expire(Transaction authorized) {
        Transaction current = authorized;
        for (int race = 0; race < MAX_RACES; race++) {
            if (current.status() != TransactionStatus.AUTHORIZED) {
                return false;
            }
            GatewayResult answer = gateway.voidAuthorization(current.transactionId(), current.gatewayTransactionId());
            if (answer instanceof GatewayResult.ProcessingError error) {
                throw error.toApiException();
            }
            if (writer.update(current.cancel(), true).isPresent()) {
                return true;
            }
            current = transactions.find(current.transactionId()).orElseThrow();
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many changes to this payment at once.");
    }

    private PaymentOutcome change(AuthenticatedKey caller, String transactionId, UnaryOperator<Transaction> operation,
            boolean capture) {
        TransactionQueries owned = new TransactionQueries(transactions);
        for (int race = 0; race < MAX_RACES; race++) {
            Transaction current = owned.findOwned(caller, transactionId);
            Transaction next = operation.apply(current);
            GatewayResult answer = capture
                    ? gateway.capture(current.transactionId(), current.gatewayTransactionId(), next.amounts().captured())
                    : gateway.voidAuthorization(current.transactionId(), current.gatewayTransactionId());
            if (answer instanceof GatewayResult.ProcessingError error) {
                throw error.toApiException();
            }
            Optional<PaymentOutcome> written = writer.update(next, true);
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many changes to this payment at once; retry.");
    }
}
