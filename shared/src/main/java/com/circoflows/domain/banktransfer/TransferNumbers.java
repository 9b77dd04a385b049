package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.RetryableFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Draws a payment's transfer number. The candidates are a hash of the transaction id and the attempt, so
 * a retry of a crashed request (same transaction id) claims the number it claimed before, and numbers
 * carry nothing guessable such as a count of the merchant's payments. A candidate another payment holds
 * is skipped; while under a tenth of the scheme's numbers are in use, all eight attempts colliding happens to
 * fewer than one payment in 10^8.
 */
public final class TransferNumbers {
    static final int ATTEMPTS = 8;

    private final TransferNumberClaims claims;

    public TransferNumbers(TransferNumberClaims claims) {
        this.claims = claims;
    }

    /**
     * @throws RetryableFailure when every candidate was taken (the request is retried, with new candidates
     *     only if its transaction id differs; the numbers in use should then be recycled, see ADR 0024)
     */
    public long claimFor(TransferScheme scheme, ClaimedTransfer payment) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long number = candidate(scheme, payment.transactionId(), attempt);
            if (claims.claim(scheme, number, payment)) {
                return number;
            }
        }
        throw new RetryableFailure("no free " + scheme + " transfer number in " + ATTEMPTS + " attempts", null);
    }

    static long candidate(TransferScheme scheme, String transactionId, int attempt) {
        byte[] digest = sha256(scheme.name() + "#" + transactionId + "#" + attempt);
        long value = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
        return value % (VirtualAccounts.largestNumber(scheme) + 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
