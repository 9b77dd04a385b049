package com.circoflows.benchmarks;

import com.circoflows.benchmarks.micro.InMemoryApiKeys;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import java.time.Clock;
import java.time.Duration;

/**
 * What authenticating a request costs with the production bcrypt cost (10): a cold verification
 * (cache miss, bcrypt) against a warm one (cache hit). The key store is in memory so only the
 * verification itself is timed.
 */
public final class ApiKeyVerificationBenchmark {
    private ApiKeyVerificationBenchmark() {
    }

    public static void main(String[] args) {
        int bcryptRounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int cachedRounds = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        InMemoryApiKeys keys = new InMemoryApiKeys();
        BcryptSecretHasher hasher = new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST);
        IssuedApiKey issued = new ApiKeyIssuer(keys, hasher, Clock.systemUTC()).issue("mch_benchmark", Mode.TEST);
        String header = "Bearer " + issued.fullKey();

        // A zero TTL makes every call a cache miss: the cost a cold container or a new key pays.
        ApiKeyAuthenticator uncached = new ApiKeyAuthenticator(keys, hasher, new VerifiedKeyCache(Duration.ZERO, System::nanoTime),
                Clock.systemUTC());
        long[] bcrypt = new long[bcryptRounds];
        for (int i = 0; i < 5; i++) {
            uncached.authenticate(header);
        }
        for (int i = 0; i < bcryptRounds; i++) {
            long start = System.nanoTime();
            uncached.authenticate(header);
            bcrypt[i] = System.nanoTime() - start;
        }

        ApiKeyAuthenticator cached = new ApiKeyAuthenticator(keys, hasher, VerifiedKeyCache.withDefaultTtl(), Clock.systemUTC());
        cached.authenticate(header);
        for (int i = 0; i < 50_000; i++) {
            cached.authenticate(header);
        }
        long[] hits = new long[cachedRounds];
        for (int i = 0; i < cachedRounds; i++) {
            long start = System.nanoTime();
            cached.authenticate(header);
            hits[i] = System.nanoTime() - start;
        }
        Percentiles miss = Percentiles.ofNanos(bcrypt);
        Percentiles hit = Percentiles.ofNanos(hits);
        System.out.println("API key verification, bcrypt cost " + BcryptSecretHasher.PRODUCTION_COST);
        System.out.println("  cache miss (bcrypt verify): " + miss);
        System.out.printf("  cache hit  (SHA-256 + constant-time compare): n=%d p50=%.1f µs p99=%.1f µs%n",
                hit.count(), hit.p50() * 1000, hit.p99() * 1000);
        System.out.printf("  a warm request saves about %.0f ms%n", miss.p50() - hit.p50());
    }
}
