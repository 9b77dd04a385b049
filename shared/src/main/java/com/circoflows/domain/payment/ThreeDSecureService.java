package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.merchant.AuthenticatedKey;
import java.time.Clock;
import java.util.Optional;

/**
 * The 3-D Secure step. The challenge page records what the customer really did
 * ({@link ThreeDSecureChallenges}); confirm-3ds then completes the payment only if the merchant's
 * claim matches that record. A transaction whose challenge failed, or never took place, can never be
 * completed.
 */
public final class ThreeDSecureService {
    private static final int MAX_CONCURRENT_RETRIES = 3;
    static final PaymentFailure CHALLENGE_FAILED = new PaymentFailure(ErrorCode.THREE_D_SECURE_FAILED,
            ErrorCode.THREE_D_SECURE_FAILED.defaultMessage(), "authentication_failed");

    private final CardGateway gateway;
    private final TransactionRepository transactions;
    private final TransactionWriter writer;
    private final Clock clock;

    public ThreeDSecureService(CardGateway gateway, TransactionRepository transactions, TransactionWriter writer,
            Clock clock) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    public ConfirmationOutcome confirm(AuthenticatedKey caller, String transactionId, ClaimedChallengeStatus claimed,
            String gatewayId) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            Transaction current = new TransactionQueries(transactions).findOwned(caller, transactionId);
            if (current.sessionId() != null) {
                // The payment page completes a session's payment, checking the session is still open;
                // confirming here could charge a session that was cancelled or expired meanwhile.
                throw new ApiException(ErrorCode.INVALID_TRANSACTION_STATE, "This payment belongs to hosted "
                        + "payment session " + current.sessionId() + "; it completes on the payment page.");
            }
            if (!java.util.Objects.equals(current.gatewayTransactionId(), gatewayId)) {
                throw ApiException.invalidParam("gateway_id", "The gateway_id does not match this transaction.");
            }
            Optional<ConfirmationOutcome> outcome = confirmAgainstRecord(current, claimed);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }

    /** Empty when a concurrent request changed the transaction; the caller then looks again. */
    private Optional<ConfirmationOutcome> confirmAgainstRecord(Transaction current, ClaimedChallengeStatus claimed) {
        ThreeDSecureStatus actual = current.threeDSecure();
        if (actual == ThreeDSecureStatus.NOT_REQUIRED) {
            throw new ApiException(ErrorCode.INVALID_TRANSACTION_STATE,
                    "This transaction did not require 3-D Secure authentication.");
        }
        if (actual == ThreeDSecureStatus.REQUIRED) {
            if (claimed == ClaimedChallengeStatus.PENDING) {
                return Optional.of(ConfirmationOutcome.stillRequiresAction(current));
            }
            throw new ApiException(ErrorCode.INVALID_TRANSACTION_STATE, "The customer has not completed 3-D Secure "
                    + "authentication yet; send them to action_data.3ds_url first.");
        }
        if (actual == ThreeDSecureStatus.FAILED) {
            if (claimed == ClaimedChallengeStatus.FAILED) {
                return Optional.of(ConfirmationOutcome.settled(new PaymentOutcome(current, false)));
            }
            throw CHALLENGE_FAILED.toException();
        }
        // AUTHENTICATED: the customer passed; only "success" matches.
        if (claimed != ClaimedChallengeStatus.SUCCESS) {
            throw ApiException.invalidParam("status",
                    "The customer passed 3-D Secure authentication; the status does not match.");
        }
        if (current.status() != TransactionStatus.PENDING) {
            return Optional.of(ConfirmationOutcome.settled(new PaymentOutcome(current, false)));
        }
        return writer.update(completeAuthenticated(current), true).map(ConfirmationOutcome::settled);
    }

    /**
     * Asks the gateway to finish a payment whose customer passed the challenge, and returns the
     * transaction it becomes (completed, or failed if the issuer declined), not yet stored. confirm-3ds
     * and the hosted payment page both complete payments through here.
     *
     * @throws ApiException processing_error when the gateway failed before deciding: nothing was charged,
     *     the transaction stays pending and the completion may be tried again
     */
    public Transaction completeAuthenticated(Transaction current) {
        if (current.status() != TransactionStatus.PENDING || current.threeDSecure() != ThreeDSecureStatus.AUTHENTICATED) {
            throw new IllegalTransitionException(current.status(), TransactionStatus.COMPLETED);
        }
        GatewayResult result = gateway.completeThreeDSecure(current.transactionId(), current.gatewayTransactionId());
        if (result instanceof GatewayResult.Approved) {
            return current.approve(clock.instant());
        }
        if (result instanceof GatewayResult.Declined declined) {
            return current.fail(new PaymentFailure(declined.code(), declined.message(), declined.declineCode()),
                    ThreeDSecureStatus.AUTHENTICATED, clock.instant());
        }
        if (result instanceof GatewayResult.ProcessingError error) {
            throw error.toApiException();
        }
        throw new ApiException(ErrorCode.PROCESSING_ERROR);
    }

    public record ConfirmationOutcome(PaymentOutcome outcome, boolean requiresAction) {
        static ConfirmationOutcome settled(PaymentOutcome outcome) {
            return new ConfirmationOutcome(outcome, false);
        }

        static ConfirmationOutcome stillRequiresAction(Transaction transaction) {
            return new ConfirmationOutcome(new PaymentOutcome(transaction, false), true);
        }
    }
}
