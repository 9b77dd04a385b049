package com.circoflows.testing;

import com.circoflows.domain.wallet.WalletTokenClaims;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Wallet token claims in memory: the first transaction to claim a token keeps it. */
public final class InMemoryWalletTokenClaims implements WalletTokenClaims {
    private final ConcurrentMap<String, String> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String tokenKey, String transactionId, Instant keepUntil) {
        return claims.computeIfAbsent(tokenKey, key -> transactionId).equals(transactionId);
    }

    public int size() {
        return claims.size();
    }
}
