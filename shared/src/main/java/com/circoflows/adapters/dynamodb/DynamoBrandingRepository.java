package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.branding.Branding;
import com.circoflows.domain.branding.BrandingRepository;
import com.circoflows.domain.branding.BrandingRules;
import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.domain.branding.StoredBranding;
import com.circoflows.observability.JsonLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Branding on the merchant's item (see docs/adr/0019): a {@code branding} map (display_name,
 * brand_color, accent_color, button_style, and {@code logo}: a map of id, content_type, width and height
 * naming an image in the logos table, ADR 0021) and {@code branding_version}, which every save checks and
 * increments. No attribute: the merchant never saved any.
 */
public final class DynamoBrandingRepository implements BrandingRepository {
    private static final JsonLog LOG = JsonLog.get(DynamoBrandingRepository.class);
    static final String ATTRIBUTE = "branding";
    static final String VERSION = "branding_version";
    private static final String LOGO = "logo";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoBrandingRepository(DynamoDbClient dynamoDb, String merchantsTable) {
        this.dynamoDb = dynamoDb;
        this.table = merchantsTable;
    }

    @Override
    public Optional<StoredBranding> find(String merchantId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(Map.of("merchant_id", s(merchantId)))
                .projectionExpression(ATTRIBUTE + ", " + VERSION))).item();
        if (item == null || !item.containsKey(ATTRIBUTE) || !item.containsKey(VERSION)) {
            return Optional.empty();
        }
        long version = Long.parseLong(item.get(VERSION).n());
        return Optional.of(new StoredBranding(fromMap(merchantId, item.get(ATTRIBUTE).m()).orElse(null), version));
    }

    @Override
    public SaveResult save(String merchantId, Branding branding, long expectedVersion) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":branding", AttributeValue.fromM(toMap(branding)));
        values.put(":next", n(expectedVersion + 1));
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_exists(merchant_id) AND attribute_not_exists(" + VERSION + ")";
        } else {
            condition = "attribute_exists(merchant_id) AND " + VERSION + " = :expected";
            values.put(":expected", n(expectedVersion));
        }
        String expression = condition;
        return DynamoCalls.call("UpdateItem", () -> {
            try {
                dynamoDb.updateItem(update -> update.tableName(table).key(Map.of("merchant_id", s(merchantId)))
                        .updateExpression("SET " + ATTRIBUTE + " = :branding, " + VERSION + " = :next")
                        .conditionExpression(expression).expressionAttributeValues(values));
                return SaveResult.SAVED;
            } catch (ConditionalCheckFailedException refused) {
                return merchantExists(merchantId) ? SaveResult.VERSION_CHANGED : SaveResult.NO_SUCH_MERCHANT;
            }
        });
    }

    private boolean merchantExists(String merchantId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("merchant_id", s(merchantId))).projectionExpression("merchant_id")).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> toMap(Branding branding) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put(BrandingRules.DISPLAY_NAME, s(branding.displayName()));
        map.put(BrandingRules.BRAND_COLOR, s(branding.brandColor().value()));
        map.put(BrandingRules.ACCENT_COLOR, s(branding.accentColor().value()));
        map.put(BrandingRules.BUTTON_STYLE, s(branding.buttonStyle().wireName()));
        if (branding.logoReference() != null) {
            LogoReference logo = branding.logoReference();
            map.put(LOGO, AttributeValue.fromM(Map.of("id", s(logo.id()), "content_type", s(logo.format().mediaType()),
                    "width", n(logo.width()), "height", n(logo.height()))));
        }
        return map;
    }

    /**
     * Every value was checked when it was saved; one that no longer passes (a rule tightened since) is
     * dropped for the defaults rather than shown unreadable or failing the page (its version is kept, so the
     * next save still checks against it).
     */
    private static Optional<Branding> fromMap(String merchantId, Map<String, AttributeValue> map) {
        BrandingRules.Checked checked = BrandingRules.check(text(map, BrandingRules.DISPLAY_NAME),
                text(map, BrandingRules.BRAND_COLOR), text(map, BrandingRules.ACCENT_COLOR),
                text(map, BrandingRules.BUTTON_STYLE), logo(merchantId, map.get(LOGO)));
        if (!checked.valid()) {
            LOG.warn("branding_ignored", Map.of("merchant_id", merchantId,
                    "fields", String.join(",", checked.errors().keySet())));
            return Optional.empty();
        }
        return Optional.of(checked.branding());
    }

    /** A logo entry that no longer reads as one is dropped, with the rest of the branding kept. */
    private static LogoReference logo(String merchantId, AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> logo = value.m();
        try {
            Optional<ImageFormat> format = ImageFormat.fromMediaType(text(logo, "content_type"));
            if (format.isPresent() && logo.get("width") != null && logo.get("height") != null) {
                return new LogoReference(text(logo, "id"), format.get(), Integer.parseInt(logo.get("width").n()),
                        Integer.parseInt(logo.get("height").n()));
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        LOG.warn("branding_logo_ignored", Map.of("merchant_id", merchantId));
        return null;
    }

    private static String text(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : value.s();
    }
}
