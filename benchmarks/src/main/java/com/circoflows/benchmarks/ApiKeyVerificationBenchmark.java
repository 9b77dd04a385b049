package com.circoflows.benchmarks;

import com.circoflows.benchmarks.micro.InMemoryApiKeys;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyRefused;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.IssuedApiKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import java.time.Clock;
import java.time.Duration;

/**
 * What authenticating a request costs: a verification against the (in-memory) key table, as a cold
 * container or a cache miss pays it (SHA-256 of the secret, constant-time compare), a wrong secret,
 * and a cache hit; beside them the bcrypt verification (cost 10) that a cache miss paid before keys
 * moved to SHA-256, and that a key still stored with bcrypt pays once more. The key store is in memory
 * so only the verification itself is timed.
 */
public final class ApiKeyVerificationBenchmark {
    private ApiKeyVerificationBenchmark() {
    }

    public static void main(String[] args) {
        int bcryptRounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        InMemoryApiKeys keys = new InMemoryApiKeys();
        Sha256SecretHasher hasher = new Sha256SecretHasher();
        BcryptSecretHasher bcrypt = new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST);
        IssuedApiKey issued = new ApiKeyIssuer(keys, hasher, Clock.systemUTC()).issue("mch_benchmark", Mode.TEST);
        String header = "Bearer " + issued.fullKey();
        String wrongSecret = "Bearer " + issued.fullKey().substring(0, issued.fullKey().length() - 32)
                + RandomIds.base62(32);

        // A zero TTL makes every call a cache miss: the cost a cold container or a new key pays.
        ApiKeyAuthenticator uncached = new ApiKeyAuthenticator(keys, hasher, bcrypt,
                new VerifiedKeyCache(Duration.ZERO, System::nanoTime), Clock.systemUTC());
        Percentiles miss = time(rounds, () -> uncached.authenticate(header));
        Percentiles wrong = time(rounds, () -> {
            try {
                uncached.authenticate(wrongSecret);
                throw new IllegalStateException("a wrong secret was accepted");
            } catch (ApiKeyRefused expected) {
                // the cost of a refusal is what is timed
            }
        });

        ApiKeyAuthenticator cached = new ApiKeyAuthenticator(keys, hasher, bcrypt, VerifiedKeyCache.withDefaultTtl(),
                Clock.systemUTC());
        Percentiles hit = time(rounds, () -> cached.authenticate(header));

        String secret = RandomIds.base62(32);
        String legacyHash = bcrypt.hash(secret);
        Percentiles legacy = time(bcryptRounds, () -> bcrypt.matches(secret, legacyHash));

        System.out.println("API key verification (in-memory key table)");
        System.out.printf("  cache miss, SHA-256 + constant-time compare: n=%d p50=%.1f µs p99=%.1f µs%n",
                miss.count(), miss.p50() * 1000, miss.p99() * 1000);
        System.out.printf("  wrong secret, refused:                       n=%d p50=%.1f µs p99=%.1f µs%n",
                wrong.count(), wrong.p50() * 1000, wrong.p99() * 1000);
        System.out.printf("  cache hit:                                   n=%d p50=%.1f µs p99=%.1f µs%n",
                hit.count(), hit.p50() * 1000, hit.p99() * 1000);
        System.out.println("  legacy bcrypt verify (cost " + BcryptSecretHasher.PRODUCTION_COST + "), as every cache "
                + "miss paid before: " + legacy);
        System.out.printf("  a cache miss now saves about %.1f ms%n", legacy.p50() - miss.p50());
    }

    /** A fifth of the rounds (at least 5) untimed first, so the JIT has compiled what is measured. */
    private static Percentiles time(int rounds, Runnable call) {
        for (int i = 0; i < Math.max(5, rounds / 5); i++) {
            call.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return Percentiles.ofNanos(nanos);
    }
}
