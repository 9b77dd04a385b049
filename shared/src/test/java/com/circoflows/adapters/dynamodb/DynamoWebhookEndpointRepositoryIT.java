package com.circoflows.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.AdapterTestData;
import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Webhook settings on the merchant's item in the real table. */
class DynamoWebhookEndpointRepositoryIT {
    private static final String URL = "https://hooks.acme.example/circoflows";
    private static final Instant EXPIRES = Instant.parse("2025-07-24T07:11:23.456Z");

    private final DynamoDbClient dynamoDb = LocalStackFixture.dynamoDb();
    private final String table = LocalStackFixture.table("MerchantsTable");
    private final DynamoMerchantRepository merchants = new DynamoMerchantRepository(dynamoDb, table);
    private final DynamoWebhookEndpointRepository endpoints = new DynamoWebhookEndpointRepository(dynamoDb, table);

    @Test
    void merchantWithoutWebhookSettingsHasNoEndpoint() {
        String merchant = merchant();

        assertTrue(endpoints.find(merchant).isEmpty());
        assertTrue(endpoints.find(AdapterTestData.merchantId()).isEmpty(), "unknown merchant");
    }

    @Test
    void firstSetUrlStoresTheCandidateSecretAndLaterCallsKeepIt() {
        String merchant = merchant();
        WebhookSecret first = WebhookSecret.generate();

        WebhookEndpoint created = endpoints.setUrl(merchant, URL, first);
        WebhookEndpoint changed = endpoints.setUrl(merchant, "https://hooks.acme.example/v2", WebhookSecret.generate());

        assertEquals(first, created.secret());
        assertEquals(URL, created.url());
        assertFalse(created.disabled());
        assertEquals(first, changed.secret(), "the secret is created once");
        assertEquals("https://hooks.acme.example/v2", changed.url());
        assertEquals(changed.url(), endpoints.find(merchant).orElseThrow().url());
        assertEquals(first, endpoints.find(merchant).orElseThrow().secret());
        assertEquals("Webhook Merchant", raw(merchant).get("name").s(), "the rest of the merchant is untouched");
    }

    @Test
    void rotationMovesTheCurrentSecretToPreviousWithItsExpiry() {
        String merchant = merchant();
        WebhookSecret first = WebhookSecret.generate();
        WebhookSecret second = WebhookSecret.generate();
        endpoints.setUrl(merchant, URL, first);

        WebhookEndpoint rotated = endpoints.rotateSecret(merchant, second, EXPIRES);

        assertEquals(second, rotated.secret());
        assertEquals(first, rotated.previousSecret());
        assertEquals(EXPIRES, rotated.previousSecretExpiresAt());
        WebhookEndpoint found = endpoints.find(merchant).orElseThrow();
        assertEquals(second, found.secret());
        assertEquals(first, found.previousSecretAt(EXPIRES.minusSeconds(1)));
        assertNull(found.previousSecretAt(EXPIRES));
        assertEquals(URL, found.url());
    }

    @Test
    void rotatingTwiceKeepsOnlyTheLastPreviousSecret() {
        String merchant = merchant();
        WebhookSecret first = WebhookSecret.generate();
        WebhookSecret second = WebhookSecret.generate();
        WebhookSecret third = WebhookSecret.generate();
        endpoints.setUrl(merchant, URL, first);
        endpoints.rotateSecret(merchant, second, EXPIRES);

        WebhookEndpoint rotated = endpoints.rotateSecret(merchant, third, EXPIRES.plusSeconds(3600));

        assertEquals(third, rotated.secret());
        assertEquals(second, rotated.previousSecret());
        assertEquals(EXPIRES.plusSeconds(3600), rotated.previousSecretExpiresAt());
    }

    @Test
    void rotatingBeforeAnySecretJustCreatesOne() {
        String merchant = merchant();
        WebhookSecret secret = WebhookSecret.generate();

        WebhookEndpoint rotated = endpoints.rotateSecret(merchant, secret, EXPIRES);

        assertEquals(secret, rotated.secret());
        assertNull(rotated.previousSecret());
        assertNull(rotated.previousSecretExpiresAt());
        assertNull(rotated.url());
        assertEquals(secret, endpoints.setUrl(merchant, URL, WebhookSecret.generate()).secret());
    }

    @Test
    void disableMarksTheEndpointDisabledUntilTheUrlIsSetAgain() {
        String merchant = merchant();
        WebhookSecret secret = WebhookSecret.generate();
        endpoints.setUrl(merchant, URL, secret);

        endpoints.disable(merchant, "410 Gone from " + URL);

        WebhookEndpoint disabled = endpoints.find(merchant).orElseThrow();
        assertTrue(disabled.disabled());
        assertEquals("410 Gone from " + URL, disabled.disabledReason());
        assertEquals(secret, disabled.secret());

        WebhookEndpoint reenabled = endpoints.setUrl(merchant, URL, WebhookSecret.generate());
        assertFalse(reenabled.disabled());
        assertNull(reenabled.disabledReason());
        assertFalse(endpoints.find(merchant).orElseThrow().disabled());
    }

    @Test
    void aNewMerchantHasItsSigningSecretFromCreationAndItsFirstUrlKeepsIt() {
        String merchant = AdapterTestData.merchantId();
        WebhookSecret createdWith = WebhookSecret.generate();
        merchants.create(new Merchant(merchant, "New Merchant", AdapterTestData.CREATED_AT), createdWith);

        WebhookEndpoint before = endpoints.find(merchant).orElseThrow();
        WebhookEndpoint set = endpoints.setUrl(merchant, URL, WebhookSecret.generate());

        assertEquals(createdWith, before.secret());
        assertNull(before.url(), "a secret and no endpoint yet");
        assertEquals(createdWith, set.secret(), "setting the URL creates no other secret");
    }

    @Test
    void expiringThePreviousSecretEndsTheWindowOnceAndKeepsTheCurrentSecret() {
        String merchant = merchant();
        WebhookSecret first = WebhookSecret.generate();
        WebhookSecret second = WebhookSecret.generate();
        endpoints.setUrl(merchant, URL, first);
        endpoints.rotateSecret(merchant, second, EXPIRES);

        boolean ended = endpoints.expirePreviousSecret(merchant, EXPIRES.minusSeconds(60));
        boolean again = endpoints.expirePreviousSecret(merchant, EXPIRES.minusSeconds(59));

        assertTrue(ended);
        assertFalse(again, "nothing was signing any more");
        WebhookEndpoint found = endpoints.find(merchant).orElseThrow();
        assertEquals(second, found.secret());
        assertNull(found.previousSecret());
        assertNull(found.previousSecretExpiresAt());
        assertFalse(raw(merchant).containsKey("webhook_previous_secret"), "the old secret is not kept");
        assertEquals(URL, found.url());
    }

    @Test
    void expiringAPreviousSecretWhoseWindowIsOverSaysNothingWasSigning() {
        String merchant = merchant();
        endpoints.setUrl(merchant, URL, WebhookSecret.generate());
        endpoints.rotateSecret(merchant, WebhookSecret.generate(), EXPIRES);

        assertFalse(endpoints.expirePreviousSecret(merchant, EXPIRES));
        assertNull(endpoints.find(merchant).orElseThrow().previousSecret());
    }

    @Test
    void ensureSecretIsIdempotent() {
        String merchant = merchant();
        WebhookSecret first = WebhookSecret.generate();

        assertEquals(first, endpoints.ensureSecret(merchant, first));
        assertEquals(first, endpoints.ensureSecret(merchant, WebhookSecret.generate()));

        WebhookEndpoint found = endpoints.find(merchant).orElseThrow();
        assertEquals(first, found.secret());
        assertNull(found.url(), "a secret without a URL (the local demo merchant)");
        assertEquals(first, endpoints.setUrl(merchant, URL, WebhookSecret.generate()).secret());
    }

    @Test
    void unknownMerchantGetsNoItemCreated() {
        String unknown = AdapterTestData.merchantId();

        assertThrows(IllegalStateException.class, () -> endpoints.setUrl(unknown, URL, WebhookSecret.generate()));
        assertThrows(IllegalStateException.class, () -> endpoints.ensureSecret(unknown, WebhookSecret.generate()));
        assertThrows(IllegalStateException.class, () -> endpoints.disable(unknown, "410"));
        assertThrows(IllegalStateException.class,
                () -> endpoints.rotateSecret(unknown, WebhookSecret.generate(), EXPIRES));
        assertThrows(IllegalStateException.class, () -> endpoints.expirePreviousSecret(unknown, EXPIRES));

        Map<String, AttributeValue> item = raw(unknown);
        assertTrue(item == null || item.isEmpty(), "no stray merchant item: " + item);
    }

    /** A merchant as stored before every merchant got its signing secret at creation: no webhook settings at all. */
    private String merchant() {
        String id = AdapterTestData.merchantId();
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("merchant_id", AttributeValue.fromS(id),
                "name", AttributeValue.fromS("Webhook Merchant"),
                "created_at", Attributes.time(AdapterTestData.CREATED_AT))));
        return id;
    }

    private Map<String, AttributeValue> raw(String merchantId) {
        return dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("merchant_id", AttributeValue.fromS(merchantId))).consistentRead(true)).item();
    }
}
