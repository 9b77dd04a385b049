package com.circoflows.localrunner.testsupport;

import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localstack.LocalStack;

/**
 * The end-to-end and fuzz suites, the benchmarks and the load pay a few test cards (4242..., the
 * decline and 3-D Secure cards) dozens of times a minute with each merchant, which the fraud rules'
 * default velocity limits rightly block. Their merchants get the highest velocity limits, set as bin/admin set-risk-settings sets
 * them, so the figures measure payments rather than blocks. The block list, card testing and amount
 * limits stay as every merchant has them.
 */
public final class RepeatedCardRiskSettings {
    public static final RiskSettings SETTINGS = RiskSettings.DEFAULTS
            .with(RiskSetting.CARD_VELOCITY_LIMIT, RiskSetting.CARD_VELOCITY_LIMIT.maximum())
            .with(RiskSetting.MERCHANT_VELOCITY_LIMIT, RiskSetting.MERCHANT_VELOCITY_LIMIT.maximum());

    private RepeatedCardRiskSettings() {
    }

    /** Before the merchant's first payment, so no function container has cached its defaults. */
    public static void applyTo(LocalStack stack, String merchantId) {
        boolean stored = new DynamoRiskSettingsRepository(stack.dynamoDbClient(),
                stack.resources().tableName("MerchantsTable")).replace(merchantId, SETTINGS);
        if (!stored) {
            throw new IllegalStateException("no merchant " + merchantId);
        }
    }
}
