package com.circoflows.domain.wallet;

import java.time.Instant;

/** Replay protection: each wallet token pays one transaction, however often it is presented. */
public interface WalletTokenClaims {

    /**
     * Claims the token for {@code transactionId}, keeping the claim until {@code keepUntil}.
     *
     * @return true if the token is now this transaction's, or already was (a retry of the same request);
     *     false if another transaction claimed it
     */
    boolean claim(String tokenKey, String transactionId, Instant keepUntil);
}
