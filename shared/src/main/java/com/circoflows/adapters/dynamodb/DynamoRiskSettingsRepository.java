package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.money.CurrencyRules;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.domain.risk.RiskSettingsRepository;
import com.circoflows.observability.JsonLog;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fraud rule settings on the merchant's item, as a {@code risk_settings} map holding only what the
 * operator changed ({@code card_velocity_limit: 50}, {@code amount_limits: {USD: 500000}}); no map
 * means the defaults. Payments read just that attribute.
 */
public final class DynamoRiskSettingsRepository implements RiskSettingsRepository {
    private static final JsonLog LOG = JsonLog.get(DynamoRiskSettingsRepository.class);
    private static final String ATTRIBUTE = "risk_settings";
    private static final String AMOUNT_LIMITS = "amount_limits";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoRiskSettingsRepository(DynamoDbClient dynamoDb, String merchantsTable) {
        this.dynamoDb = dynamoDb;
        this.table = merchantsTable;
    }

    @Override
    public RiskSettings settingsFor(String merchantId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("merchant_id", s(merchantId))).projectionExpression(ATTRIBUTE))).item();
        if (item == null || !item.containsKey(ATTRIBUTE)) {
            return RiskSettings.DEFAULTS;
        }
        return fromMap(merchantId, item.get(ATTRIBUTE).m());
    }

    @Override
    public boolean replace(String merchantId, RiskSettings settings) {
        Map<String, AttributeValue> stored = toMap(settings);
        return DynamoCalls.call("UpdateItem", () -> {
            try {
                dynamoDb.updateItem(update -> {
                    update.tableName(table).key(Map.of("merchant_id", s(merchantId)))
                            .conditionExpression("attribute_exists(merchant_id)");
                    if (stored.isEmpty()) {
                        update.updateExpression("REMOVE " + ATTRIBUTE);
                    } else {
                        update.updateExpression("SET " + ATTRIBUTE + " = :settings")
                                .expressionAttributeValues(Map.of(":settings", AttributeValue.fromM(stored)));
                    }
                });
                return true;
            } catch (ConditionalCheckFailedException noSuchMerchant) {
                return false;
            }
        });
    }

    private static Map<String, AttributeValue> toMap(RiskSettings settings) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        settings.overrides().forEach((setting, value) -> map.put(setting.wireName(), n(value)));
        if (!settings.amountLimitOverrides().isEmpty()) {
            Map<String, AttributeValue> limits = new LinkedHashMap<>();
            settings.amountLimitOverrides().forEach((currency, limit) -> limits.put(currency.getCurrencyCode(), n(limit)));
            map.put(AMOUNT_LIMITS, AttributeValue.fromM(limits));
        }
        return map;
    }

    /**
     * Every value was checked when it was set. One that no longer fits (a bound tightened since, a
     * setting this version does not know) falls back to its default rather than failing payments.
     */
    private static RiskSettings fromMap(String merchantId, Map<String, AttributeValue> map) {
        RiskSettings settings = RiskSettings.DEFAULTS;
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            if (entry.getKey().equals(AMOUNT_LIMITS)) {
                for (Map.Entry<String, AttributeValue> limit : entry.getValue().m().entrySet()) {
                    settings = withAmountLimit(merchantId, settings, limit.getKey(), limit.getValue());
                }
                continue;
            }
            Optional<RiskSetting> setting = RiskSetting.fromWireName(entry.getKey());
            try {
                settings = settings.with(setting.orElseThrow(() -> new IllegalArgumentException("unknown setting")),
                        Long.parseLong(entry.getValue().n()));
            } catch (IllegalArgumentException e) {
                ignored(merchantId, entry.getKey());
            }
        }
        return settings;
    }

    private static RiskSettings withAmountLimit(String merchantId, RiskSettings settings, String currencyCode,
            AttributeValue limit) {
        Optional<Currency> currency = CurrencyRules.supportedCurrency(currencyCode);
        try {
            return settings.withAmountLimit(currency.orElseThrow(() -> new IllegalArgumentException("unsupported")),
                    Long.parseLong(limit.n()));
        } catch (IllegalArgumentException e) {
            ignored(merchantId, AMOUNT_LIMITS + "." + currencyCode);
            return settings;
        }
    }

    private static void ignored(String merchantId, String name) {
        LOG.warn("risk_setting_ignored", Map.of("merchant_id", merchantId, "setting", name));
    }
}
