package com.circoflows.domain.gateway;

import com.circoflows.domain.money.Money;

/**
 * The card processor, as the payment flow sees it. Implementations must be thread-safe and keep no
 * state in memory the caller relies on between calls: a Lambda instance may authorize a payment and
 * a different one complete its 3-D Secure step.
 */
public interface CardGateway extends RefundProcessor {

    /**
     * Asks the issuer to approve the charge. Card-level problems come back as {@link GatewayResult},
     * not as exceptions, because they are outcomes to record on the transaction. Asked again under the
     * same transaction id (a retry after a crash), it answers what it answered the first time and
     * charges nothing more.
     */
    GatewayResult authorize(GatewayAuthorization authorization);

    /**
     * Finishes an authorization that answered {@link GatewayResult.ThreeDSecureRequired}, once the
     * cardholder passed the challenge. A failed challenge never reaches the gateway. Asked again for
     * one already finished, it answers the same and charges nothing more.
     *
     * @param transactionId our transaction id the authorization was made under
     * @param gatewayTransactionId the id from that answer, read from our own transaction record and
     *     never taken from the request as is
     */
    GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId);

    /**
     * Takes {@code amount} of an approved authorisation made with manual capture; the rest is released
     * to the cardholder. Asked again for the same transaction, it answers the same. A voided
     * authorisation answers {@link GatewayResult.ProcessingError}: nothing can be taken any more.
     */
    GatewayResult capture(String transactionId, String gatewayTransactionId, Money amount);

    /** Releases an approved authorisation nothing was captured of. Asked again, it answers the same. */
    GatewayResult voidAuthorization(String transactionId, String gatewayTransactionId);

}
