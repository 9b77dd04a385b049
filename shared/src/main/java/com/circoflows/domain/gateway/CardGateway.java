package com.circoflows.domain.gateway;

/**
 * The card processor, as the payment flow sees it. Implementations must be thread-safe and keep no
 * state in memory the caller relies on between calls: a Lambda instance may authorize a payment and
 * a different one complete its 3-D Secure step.
 */
public interface CardGateway {

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
}
