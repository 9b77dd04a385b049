package com.circoflows.localrunner.testsupport;

import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.localstack.LocalStack;

/**
 * The end-to-end and fuzz suites, the benchmarks and the load pay dozens of times a minute with each
 * merchant. The test card table's cards are exempt from the velocity rules in test mode, but the
 * other numbers they pay (Mastercard and Amex test numbers, random 4242... numbers) are counted as real
 * cards, and the fraud rules' default velocity limits rightly block them. Their merchants get the highest velocity limits, set as bin/admin set-risk-settings sets
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
