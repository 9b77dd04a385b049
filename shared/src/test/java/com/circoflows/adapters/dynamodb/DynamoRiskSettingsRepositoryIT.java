package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoRiskSettingsRepositoryIT {
    private final String table = LocalStackFixture.table("MerchantsTable");
    private final DynamoRiskSettingsRepository repository =
            new DynamoRiskSettingsRepository(LocalStackFixture.dynamoDb(), table);

    private String newMerchant() {
        String merchantId = AdapterTestData.merchantId();
        new DynamoMerchantRepository(LocalStackFixture.dynamoDb(), table)
                .create(new Merchant(merchantId, "Risky Ltd", AdapterTestData.CREATED_AT), WebhookSecret.generate());
        return merchantId;
    }

    @Test
    void aMerchantWhoseSettingsWereNeverChangedGetsTheDefaults() {
        assertEquals(RiskSettings.DEFAULTS, repository.settingsFor(newMerchant()));
    }

    @Test
    void changedSettingsReadBackAndOnlyTheChangesAreStored() {
        String merchantId = newMerchant();
        RiskSettings settings = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50)
                .with(RiskSetting.CARD_TESTING_WINDOW_MINUTES, 30)
                .withAmountLimit(Currency.getInstance("JPY"), 500_000)
                .withAmountLimit(Currency.getInstance("KWD"), 1_500);

        assertTrue(repository.replace(merchantId, settings));

        assertEquals(settings, repository.settingsFor(merchantId));
        Map<String, AttributeValue> stored = rawItem(merchantId).get("risk_settings").m();
        assertEquals(Map.of(
                "card_velocity_limit", AttributeValue.fromN("50"),
                "card_testing_window_minutes", AttributeValue.fromN("30"),
                "amount_limits", AttributeValue.fromM(Map.of(
                        "JPY", AttributeValue.fromN("500000"), "KWD", AttributeValue.fromN("1500")))), stored);
    }

    @Test
    void settingsLiveBesideTheMerchantsOtherAttributesWithoutTouchingThem() {
        String merchantId = newMerchant();
        WebhookSecret secret = new DynamoWebhookEndpointRepository(LocalStackFixture.dynamoDb(), table)
                .ensureSecret(merchantId, WebhookSecret.generate());

        repository.replace(merchantId, RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 5_000));

        Map<String, AttributeValue> item = rawItem(merchantId);
        assertEquals("Risky Ltd", item.get("name").s());
        assertEquals(secret.value(), item.get("webhook_secret").s());
    }

    @Test
    void resettingToTheDefaultsRemovesTheMap() {
        String merchantId = newMerchant();
        repository.replace(merchantId, RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50));

        assertTrue(repository.replace(merchantId, RiskSettings.DEFAULTS));

        assertFalse(rawItem(merchantId).containsKey("risk_settings"));
        assertEquals(RiskSettings.DEFAULTS, repository.settingsFor(merchantId));
    }

    @Test
    void anUnknownMerchantIsReportedAndNoItemIsCreatedForIt() {
        String unknown = AdapterTestData.merchantId();

        assertFalse(repository.replace(unknown, RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50)));

        assertNull(rawItem(unknown));
    }

    @Test
    void storedValuesThisVersionCannotUseFallBackToTheirDefaults() {
        String merchantId = newMerchant();
        LocalStackFixture.dynamoDb().updateItem(update -> update.tableName(table)
                .key(Map.of("merchant_id", AttributeValue.fromS(merchantId)))
                .updateExpression("SET risk_settings = :settings")
                .expressionAttributeValues(Map.of(":settings", AttributeValue.fromM(Map.of(
                        "card_velocity_limit", AttributeValue.fromN("0"),
                        "a_future_setting", AttributeValue.fromN("3"),
                        "merchant_velocity_limit", AttributeValue.fromN("77"),
                        "amount_limits", AttributeValue.fromM(Map.of(
                                "XAU", AttributeValue.fromN("1000"), "USD", AttributeValue.fromN("20000"))))))));

        assertEquals(RiskSettings.DEFAULTS.with(RiskSetting.MERCHANT_VELOCITY_LIMIT, 77)
                .withAmountLimit(Currency.getInstance("USD"), 20_000), repository.settingsFor(merchantId));
    }

    private Map<String, AttributeValue> rawItem(String merchantId) {
        Map<String, AttributeValue> item = LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .consistentRead(true).key(Map.of("merchant_id", AttributeValue.fromS(merchantId)))).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
