package com.circoflows.benchmarks.micro;

import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A warm container's authentication of a key it verified before: header parsing, the cache lookup
 * (SHA-256 of the secret, constant-time compare), no key table read. The key store is in
 * memory; the cache's TTL is the production default, far longer than an iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthCacheHitBenchmark {
    private ApiKeyAuthenticator authenticator;
    private String header;

    @Setup
    public void verifiedOnce() {
        InMemoryApiKeys keys = new InMemoryApiKeys();
        Sha256SecretHasher hasher = new Sha256SecretHasher();
        header = "Bearer " + new ApiKeyIssuer(keys, hasher, Clock.systemUTC()).issue("mch_benchmark", Mode.TEST)
                .fullKey();
        authenticator = new ApiKeyAuthenticator(keys, hasher,
                new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST), VerifiedKeyCache.withDefaultTtl(),
                Clock.systemUTC());
        authenticator.authenticate(header);
    }

    @Benchmark
    public AuthenticatedKey cachedKey() {
        return authenticator.authenticate(header);
    }
}
