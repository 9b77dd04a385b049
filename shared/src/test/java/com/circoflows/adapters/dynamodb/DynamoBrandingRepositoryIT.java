package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingRepository.SaveResult;
import com.circoflows.domain.branding.BrandingOutcome;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.BrandingUpdate;
import com.circoflows.domain.branding.ButtonStyle;
import com.circoflows.domain.branding.HexColor;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoBrandingRepositoryIT {
    private static final Branding BRANDED = new Branding("Acme", new HexColor("#0b5e3b"), new HexColor("#6b2fa3"),
            ButtonStyle.PILL, null);

    private final String table = LocalStackFixture.table("MerchantsTable");
    private final DynamoBrandingRepository repository =
            new DynamoBrandingRepository(LocalStackFixture.dynamoDb(), table);
    private final DynamoMerchantRepository merchants = new DynamoMerchantRepository(LocalStackFixture.dynamoDb(), table);

    private String newMerchant() {
        String merchantId = AdapterTestData.merchantId();
        merchants.create(new Merchant(merchantId, "Acme Trading Ltd", AdapterTestData.CREATED_AT),
                WebhookSecret.generate());
        return merchantId;
    }

    @Test
    void aMerchantThatNeverSavedHasNoBranding() {
        assertEquals(Optional.empty(), repository.find(newMerchant()));
    }

    @Test
    void aSavedBrandingReadsBackWithItsVersionBesideTheMerchantsOtherAttributes() {
        String merchantId = newMerchant();

        assertEquals(SaveResult.SAVED, repository.save(merchantId, BRANDED, 0));

        assertEquals(Optional.of(new StoredBranding(BRANDED, 1)), repository.find(merchantId));
        Map<String, AttributeValue> item = rawItem(merchantId);
        assertEquals("Acme Trading Ltd", item.get("name").s());
        assertEquals("#0b5e3b", item.get("branding").m().get("brand_color").s());
        assertEquals("1", item.get("branding_version").n());
    }

    @Test
    void aSaveAgainstAVersionThatIsNoLongerStoredIsRefused() {
        String merchantId = newMerchant();
        repository.save(merchantId, BRANDED, 0);

        assertEquals(SaveResult.VERSION_CHANGED, repository.save(merchantId, Branding.defaults("Late"), 0));
        assertEquals(SaveResult.SAVED, repository.save(merchantId, Branding.defaults("Next"), 1));
        assertEquals(SaveResult.VERSION_CHANGED, repository.save(merchantId, BRANDED, 1));

        assertEquals(new StoredBranding(Branding.defaults("Next"), 2), repository.find(merchantId).orElseThrow());
    }

    @Test
    void anUnknownMerchantIsReportedAndNoItemIsCreatedForIt() {
        String unknown = AdapterTestData.merchantId();

        assertEquals(SaveResult.NO_SUCH_MERCHANT, repository.save(unknown, BRANDED, 0));

        assertNull(rawItem(unknown));
    }

    @Test
    void aStoredBrandingThatNoLongerPassesTheRulesFallsBackToTheDefaultsButKeepsItsVersion() {
        String merchantId = newMerchant();
        LocalStackFixture.dynamoDb().updateItem(update -> update.tableName(table)
                .key(Map.of("merchant_id", AttributeValue.fromS(merchantId)))
                .updateExpression("SET branding = :b, branding_version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("4"), ":b", AttributeValue.fromM(Map.of(
                        "display_name", AttributeValue.fromS("Acme"),
                        "brand_color", AttributeValue.fromS("#ffff66"),
                        "accent_color", AttributeValue.fromS("#1f4fd1"),
                        "button_style", AttributeValue.fromS("pill"))))));

        BrandingSettings settings = new BrandingSettings(repository, merchants);

        assertEquals(new StoredBranding(Branding.defaults("Acme Trading Ltd"), 4), settings.stored(merchantId));
        BrandingOutcome outcome = settings.update(merchantId, new BrandingUpdate(null, "#0b5e3b", null, null, 4L));
        assertEquals(5, ((BrandingOutcome.Saved) outcome).saved().version());
    }

    @Test
    void theSettingsServiceSavesThroughTheTable() {
        String merchantId = newMerchant();
        BrandingSettings settings = new BrandingSettings(repository, merchants);

        assertEquals(Branding.defaults("Acme Trading Ltd"), settings.current(merchantId));
        assertTrue(settings.update(merchantId, new BrandingUpdate("Acme", "#0b5e3b", "#6b2fa3", "pill", 0L))
                instanceof BrandingOutcome.Saved);
        assertEquals(BRANDED, settings.current(merchantId));
    }

    private Map<String, AttributeValue> rawItem(String merchantId) {
        Map<String, AttributeValue> item = LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .consistentRead(true).key(Map.of("merchant_id", AttributeValue.fromS(merchantId)))).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
