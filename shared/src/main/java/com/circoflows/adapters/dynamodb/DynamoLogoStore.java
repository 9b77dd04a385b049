package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.branding.ImageFormat;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.LogoReference;
import com.circoflows.domain.branding.LogoStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The logos table (ADR 0021): one item per merchant and image, keyed {@code merchant_id} and
 * {@code logo_id} (the SHA-256 of the bytes, so an item never changes once written), holding the checked
 * bytes ({@code image}, at most 100 KB), {@code content_type}, {@code width}, {@code height} and
 * {@code created_at}. A read names the merchant, so another merchant's id finds nothing.
 */
public final class DynamoLogoStore implements LogoStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoLogoStore(DynamoDbClient dynamoDb, String logosTable, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = logosTable;
        this.clock = clock;
    }

    @Override
    public void put(String merchantId, LogoImage image) {
        LogoReference logo = image.reference();
        Map<String, AttributeValue> item = new HashMap<>(key(merchantId, logo.id()));
        item.put("image", AttributeValue.fromB(SdkBytes.fromByteArray(image.bytes())));
        item.put("content_type", s(logo.format().mediaType()));
        item.put("width", n(logo.width()));
        item.put("height", n(logo.height()));
        item.put("created_at", Attributes.time(clock.instant()));
        DynamoCalls.call("PutItem", () -> dynamoDb.putItem(put -> put.tableName(table).item(item)));
    }

    @Override
    public Optional<LogoImage> find(String merchantId, String logoId) {
        if (!LogoReference.isLogoId(logoId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(merchantId, logoId)))).item();
        if (item == null || item.isEmpty() || item.get("image") == null) {
            return Optional.empty();
        }
        Optional<ImageFormat> format = ImageFormat.fromMediaType(Attributes.string(item, "content_type"));
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogoImage(new LogoReference(logoId, format.get(),
                (int) Attributes.number(item, "width"), (int) Attributes.number(item, "height")),
                item.get("image").b().asByteArray()));
    }

    @Override
    public void delete(String merchantId, String logoId) {
        if (LogoReference.isLogoId(logoId)) {
            DynamoCalls.call("DeleteItem", () -> dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(key(merchantId, logoId))));
        }
    }

    private static Map<String, AttributeValue> key(String merchantId, String logoId) {
        return Map.of("merchant_id", s(merchantId), "logo_id", s(logoId));
    }
}
