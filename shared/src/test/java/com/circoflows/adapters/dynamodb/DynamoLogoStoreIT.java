package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.branding.LogoImage;
import com.circoflows.domain.branding.upload.LogoInspection;
import com.circoflows.domain.branding.upload.UploadedFile;
import com.circoflows.testing.TestClocks;
import com.circoflows.testing.TestImages;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoLogoStoreIT {
    private final String table = LocalStackFixture.table("LogosTable");
    private final DynamoLogoStore store = new DynamoLogoStore(LocalStackFixture.dynamoDb(), table, TestClocks.fixed());

    private static LogoImage checked(byte[] bytes) {
        return ((LogoInspection.Accepted) LogoInspection.inspect(new UploadedFile(bytes, bytes.length))).image();
    }

    @Test
    void aStoredLogoReadsBackByteForByteWithItsTypeAndSize() {
        String merchantId = AdapterTestData.merchantId();
        LogoImage logo = checked(TestImages.png(96, 32));

        store.put(merchantId, logo);

        LogoImage read = store.find(merchantId, logo.reference().id()).orElseThrow();
        assertEquals(logo.reference(), read.reference());
        assertArrayEquals(logo.bytes(), read.bytes());
        Map<String, AttributeValue> item = LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("merchant_id", AttributeValue.fromS(merchantId),
                        "logo_id", AttributeValue.fromS(logo.reference().id())))).item();
        assertEquals("image/png", item.get("content_type").s());
        assertEquals(TestClocks.NOW, java.time.Instant.parse(item.get("created_at").s()));
    }

    @Test
    void theLargestAcceptedLogoFitsInOneItem() {
        String merchantId = AdapterTestData.merchantId();
        LogoImage largest = checked(Arrays.copyOf(TestImages.png(64, 64), LogoInspection.MAX_BYTES));

        store.put(merchantId, largest);

        assertEquals(LogoInspection.MAX_BYTES, store.find(merchantId, largest.reference().id()).orElseThrow().bytes().length);
    }

    @Test
    void anotherMerchantFindsNothingUnderTheSameId() {
        String owner = AdapterTestData.merchantId();
        LogoImage logo = checked(TestImages.png(96, 32));
        store.put(owner, logo);

        assertEquals(Optional.empty(), store.find(AdapterTestData.merchantId(), logo.reference().id()));
        assertEquals(Optional.empty(), store.find(owner, "not-an-id"));
    }

    @Test
    void aDeletedLogoIsGoneAndDeletingItAgainIsNoError() {
        String merchantId = AdapterTestData.merchantId();
        LogoImage logo = checked(TestImages.png(96, 32));
        store.put(merchantId, logo);

        store.delete(merchantId, logo.reference().id());
        store.delete(merchantId, logo.reference().id());

        assertTrue(store.find(merchantId, logo.reference().id()).isEmpty());
    }
}
