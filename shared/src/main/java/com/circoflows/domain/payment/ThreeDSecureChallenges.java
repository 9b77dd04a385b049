package com.circoflows.domain.payment;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import java.time.Clock;
import java.util.Optional;

/**
 * What the 3-D Secure challenge page records: the customer's own answer, which
 * {@link ThreeDSecureService} later checks the merchant's confirmation against. The page never
 * reaches the gateway.
 */
public final class ThreeDSecureChallenges {
    private static final int MAX_CONCURRENT_RETRIES = 3;

    private final TransactionRepository transactions;
    private final TransactionWriter writer;
    private final Clock clock;

    public ThreeDSecureChallenges(TransactionRepository transactions, TransactionWriter writer, Clock clock) {
        this.transactions = transactions;
        this.writer = writer;
        this.clock = clock;
    }

    /** A transaction for the challenge page: anyone holding its unguessable id may see it. */
    public Transaction findForChallenge(String transactionId) {
        return transactions.find(transactionId)
                .orElseThrow(() -> new ApiException(ErrorCode.TRANSACTION_NOT_FOUND));
    }

    /**
     * Records the customer's answer on the challenge page. A failed challenge fails the payment at
     * once; a passed one waits for the merchant's confirm-3ds. Answers after the first change nothing.
     */
    public PaymentOutcome recordChallenge(String transactionId, boolean passed) {
        for (int attempt = 0; attempt < MAX_CONCURRENT_RETRIES; attempt++) {
            Transaction current = findForChallenge(transactionId);
            if (!current.awaitsChallenge()) {
                return new PaymentOutcome(current, false);
            }
            Optional<PaymentOutcome> written = passed
                    ? writer.update(current.challengePassed(), false)
                    : writer.update(current.fail(ThreeDSecureService.CHALLENGE_FAILED, ThreeDSecureStatus.FAILED,
                            clock.instant()), true);
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
    }
}
