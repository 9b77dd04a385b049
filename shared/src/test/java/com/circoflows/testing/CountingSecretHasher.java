package com.circoflows.testing;

import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.SecretHasher;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A real hasher that counts how often it was asked to hash or verify. */
public final class CountingSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger matchCalls = new AtomicInteger();

    public CountingSecretHasher(SecretHasher delegate) {
        this.delegate = delegate;
    }

    /** How API keys are stored now. */
    public static CountingSecretHasher sha256() {
        return new CountingSecretHasher(new Sha256SecretHasher());
    }

    /** bcrypt at the lowest cost: the legacy format of API keys, fast enough for tests. */
    public static CountingSecretHasher fastBcrypt() {
        return new CountingSecretHasher(new BcryptSecretHasher(4));
    }

    @Override
    public String hash(String secret) {
        hashCalls.incrementAndGet();
        return delegate.hash(secret);
    }

    @Override
    public boolean matches(String secret, String storedHash) {
        matchCalls.incrementAndGet();
        return delegate.matches(secret, storedHash);
    }

    @Override
    public boolean recognises(String storedHash) {
        return delegate.recognises(storedHash);
    }

    public int hashCalls() {
        return hashCalls.get();
    }

    public int matchCalls() {
        return matchCalls.get();
    }
}
