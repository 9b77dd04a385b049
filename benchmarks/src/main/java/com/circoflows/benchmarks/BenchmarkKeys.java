package com.circoflows.benchmarks;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.testsupport.RepeatedCardRiskSettings;
import com.circoflows.localstack.LocalStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Merchant keys made before timing starts, enough that no key passes the payments limit (100 per
 * minute), each of a merchant whose velocity limits its repeated test card never reaches: the
 * benchmark measures payments, not the rate limiter, the fraud rules' blocks or key creation.
 */
final class BenchmarkKeys {
    static final int REQUESTS_PER_KEY = 90;
    private final List<String> keys = new ArrayList<>();

    BenchmarkKeys(LocalRunner runner, int requests) {
        this(runner.stack(), requests);
    }

    /** For benchmarks that invoke a handler in-process on the stack, without the runner's HTTP front. */
    BenchmarkKeys(LocalStack stack, int requests) {
        Clock clock = Clock.systemUTC();
        MerchantOnboarding onboarding = new MerchantOnboarding(
                new DynamoMerchantRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(stack.dynamoDbClient(),
                        stack.resources().tableName("ApiKeysTable")),
                        new Sha256SecretHasher(), clock),
                clock);
        int needed = (requests + REQUESTS_PER_KEY - 1) / REQUESTS_PER_KEY;
        for (int i = 0; i < needed; i++) {
            MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant("Benchmark merchant " + i, Mode.TEST);
            RepeatedCardRiskSettings.applyTo(stack, onboarded.merchant().merchantId());
            keys.add(onboarded.firstKey().fullKey());
        }
    }

    String keyFor(int requestIndex) {
        return keys.get(requestIndex / REQUESTS_PER_KEY);
    }

    List<String> all() {
        return keys;
    }
}
