package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoIdempotencyStore;
import com.circoflows.adapters.lambda.MerchantApiPriming;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.health.HealthEndpoint;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.Sha256SecretHasher;

/** What every /api function shares: the pipeline in front of its endpoint, SnapStart's priming, and /api/health. */
public final class MerchantApiWiring {
    private final Infrastructure infrastructure;
    private final Lazy<MerchantApiPipeline> readingPipeline = new Lazy<>(() -> pipeline(false));
    private final Lazy<MerchantApiPipeline> writingPipeline = new Lazy<>(() -> pipeline(true));

    MerchantApiWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** The pipeline of a read-only /api route. */
    public MerchantApiPipeline merchantApiPipeline() {
        return readingPipeline.get();
    }

    /** The pipeline of an /api route that writes (POST, PUT): it honours Idempotency-Key (IDEMPOTENCY_TABLE). */
    public MerchantApiPipeline idempotentMerchantApiPipeline() {
        return writingPipeline.get();
    }

    /** SnapStart's priming for an /api function: the key lookup and the JSON path, its body only read as JSON. */
    public MerchantApiPriming merchantApiPriming() {
        return new MerchantApiPriming(infrastructure.apiKeys(), MerchantApiPriming.JSON_ONLY);
    }

    public HealthEndpoint healthEndpoint() {
        return new HealthEndpoint(infrastructure.clock());
    }

    private MerchantApiPipeline pipeline(boolean idempotent) {
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(infrastructure.apiKeys(), new Sha256SecretHasher(),
                new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST), infrastructure.verifiedKeys(),
                infrastructure.clock());
        if (!idempotent) {
            return new MerchantApiPipeline(authenticator, infrastructure.rateLimiter());
        }
        return new MerchantApiPipeline(authenticator, infrastructure.rateLimiter(),
                new DynamoIdempotencyStore(infrastructure.dynamoDb(), infrastructure.required("IDEMPOTENCY_TABLE")),
                infrastructure.clock());
    }
}
