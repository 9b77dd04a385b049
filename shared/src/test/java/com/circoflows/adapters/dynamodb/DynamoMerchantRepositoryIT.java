package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoMerchantRepositoryIT {
    private final String table = LocalStackFixture.table("MerchantsTable");
    private final DynamoMerchantRepository merchants =
            new DynamoMerchantRepository(LocalStackFixture.dynamoDb(), table);

    @Test
    void createdMerchantIsFoundWithEveryField() {
        Merchant merchant = new Merchant(AdapterTestData.merchantId(), "Café Ünïcode & Sons <ltd>",
                AdapterTestData.CREATED_AT);

        merchants.create(merchant, WebhookSecret.generate());

        assertEquals(merchant, merchants.find(merchant.merchantId()).orElseThrow());
    }

    @Test
    void unknownMerchantIsEmpty() {
        assertTrue(merchants.find(AdapterTestData.merchantId()).isEmpty());
    }

    @Test
    void itemIsKeyedByMerchantIdWithASortableCreatedAt() {
        Merchant merchant = new Merchant(AdapterTestData.merchantId(), "Raw Item Ltd", AdapterTestData.CREATED_AT);
        merchants.create(merchant, WebhookSecret.generate());

        Map<String, AttributeValue> item = LocalStackFixture.dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("merchant_id", AttributeValue.fromS(merchant.merchantId())))).item();

        assertEquals("Raw Item Ltd", item.get("name").s());
        assertEquals("2025-07-23T07:11:23.456Z", item.get("created_at").s());
    }

    @Test
    void creatingTheSameMerchantIdTwiceKeepsTheFirst() {
        String id = AdapterTestData.merchantId();
        Merchant first = new Merchant(id, "First", AdapterTestData.CREATED_AT);
        merchants.create(first, WebhookSecret.generate());

        assertThrows(RuntimeException.class,
                () -> merchants.create(new Merchant(id, "Second", AdapterTestData.PROCESSED_AT), WebhookSecret.generate()));

        assertEquals(first, merchants.find(id).orElseThrow());
    }

    @Test
    void duplicateMerchantIdIsNotReportedAsRetryable() {
        String id = AdapterTestData.merchantId();
        merchants.create(new Merchant(id, "First", AdapterTestData.CREATED_AT), WebhookSecret.generate());

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> merchants.create(new Merchant(id, "Second", AdapterTestData.CREATED_AT), WebhookSecret.generate()));

        assertFalse(failure instanceof RetryableFailure, "permanent conflict reported as retryable: " + failure);
    }

    @Test
    void missingTableIsAConfigurationFaultNotARetryableOne() {
        DynamoMerchantRepository missing = new DynamoMerchantRepository(LocalStackFixture.dynamoDb(), "no-such-table");

        RuntimeException failure = assertThrows(RuntimeException.class, () -> missing.find(AdapterTestData.merchantId()));
        assertFalse(failure instanceof RetryableFailure, "a missing table is no reason to retry: " + failure);
    }
}
