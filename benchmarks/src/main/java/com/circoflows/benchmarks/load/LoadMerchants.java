package com.circoflows.benchmarks.load;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.testsupport.RepeatedCardRiskSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One merchant per load client, made before the clock starts: keys stored as real keys are
 * (SHA-256), velocity limits its fixed test cards never reach (as an operator would raise them)
 * and a webhook endpoint on the receiver, set through the API like a merchant would, verified with the
 * signing secret the merchant got at creation.
 * Their four warm-up requests per key count against its rate limit, within the budget's margin.
 */
final class LoadMerchants {
    private LoadMerchants() {
    }

    static List<LoadMerchant> create(LocalRunner runner, LoadApi api, WebhookReceiver receiver, int count,
            int keysPerMerchant) throws IOException, InterruptedException {
        var stack = runner.stack();
        Clock clock = Clock.systemUTC();
        ApiKeyIssuer issuer = new ApiKeyIssuer(
                new DynamoApiKeyRepository(stack.dynamoDbClient(), stack.resources().tableName("ApiKeysTable")),
                new Sha256SecretHasher(), clock);
        MerchantOnboarding onboarding = new MerchantOnboarding(
                new DynamoMerchantRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable")),
                issuer, clock);
        List<LoadMerchant> merchants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MerchantOnboarding.Onboarded onboarded = onboarding.createMerchant("Load merchant " + i, Mode.TEST);
            String merchantId = onboarded.merchant().merchantId();
            RepeatedCardRiskSettings.applyTo(stack, merchantId);
            List<String> keys = new ArrayList<>(List.of(onboarded.firstKey().fullKey()));
            while (keys.size() < keysPerMerchant) {
                keys.add(issuer.issue(merchantId, Mode.TEST).fullKey());
            }
            LoadApi.Answer endpoint = api.put(keys.get(0), "/api/webhook-endpoint",
                    "{\"url\":\"" + receiver.urlFor(merchantId) + "\"}");
            if (endpoint.status() != 200) {
                throw new IllegalStateException("setting the webhook endpoint answered " + endpoint.status()
                        + ": " + endpoint.text());
            }
            // The signing secret came with the merchant (bin/admin prints it); setting the URL does not show it.
            receiver.trust(merchantId, onboarded.webhookSecret().value());
            for (String key : keys) {
                warm(api, key);
            }
            merchants.add(new LoadMerchant(merchantId, keys));
        }
        return merchants;
    }

    /**
     * One refused request per key to each function the mix calls, so each function's container has
     * verified the key once, as a warm production container has: the load measures payments, and
     * key verification is measured by bin/benchmark api-key-verification.
     */
    private static void warm(LoadApi api, String key) throws IOException, InterruptedException {
        api.post(key, "/api/direct-payment", "{}", null);
        api.get(key, "/api/direct-payment/txn_unknown");
        api.post(key, "/api/hosted-payment", "{}", null);
        api.get(key, "/api/hosted-payment/sess_unknown");
    }

    record LoadMerchant(String merchantId, List<String> keys) {
        @Override
        public String toString() {
            return "LoadMerchant[" + merchantId + ", " + keys.size() + " keys]";
        }
    }
}
