package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;
import static com.circoflows.adapters.dynamodb.Attributes.time;

import com.circoflows.domain.webhook.WebhookDestinations;
import com.circoflows.domain.webhook.WebhookEndpoint;
import com.circoflows.domain.webhook.WebhookEndpointRepository;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Webhook settings live on the merchant's item. The signing secret has to be readable to sign with,
 * so it is stored as is; the table is encrypted at rest and only the functions that sign or set it
 * may read it.
 */
public final class DynamoWebhookEndpointRepository implements WebhookEndpointRepository, WebhookDestinations {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoWebhookEndpointRepository(DynamoDbClient dynamoDb, String merchantsTable) {
        this.dynamoDb = dynamoDb;
        this.table = merchantsTable;
    }

    @Override
    public Optional<WebhookEndpoint> find(String merchantId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(merchantId)).consistentRead(true))).item();
        if (item == null || item.isEmpty() || (!item.containsKey("webhook_url") && !item.containsKey("webhook_secret"))) {
            return Optional.empty();
        }
        return Optional.of(fromItem(merchantId, item));
    }

    /** Reads the URL alone, never the secret: the payment functions ask this before they store an event. */
    @Override
    public boolean merchantHasEndpoint(String merchantId) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table).key(key(merchantId)).consistentRead(true).projectionExpression("webhook_url"))).item();
        return item != null && item.containsKey("webhook_url");
    }

    @Override
    public WebhookEndpoint setUrl(String merchantId, String url, WebhookSecret secretIfNone) {
        var response = DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(merchantId))
                .updateExpression("SET webhook_url = :url, webhook_secret = if_not_exists(webhook_secret, :secret), "
                        + "webhook_disabled = :false REMOVE webhook_disabled_reason")
                .conditionExpression("attribute_exists(merchant_id)")
                .expressionAttributeValues(Map.of(":url", s(url), ":secret", s(secretIfNone.value()),
                        ":false", AttributeValue.fromBool(false)))
                .returnValues(ReturnValue.ALL_NEW)));
        return fromItem(merchantId, response.attributes());
    }

    @Override
    public WebhookSecret ensureSecret(String merchantId, WebhookSecret secretIfNone) {
        var response = DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(merchantId))
                .updateExpression("SET webhook_secret = if_not_exists(webhook_secret, :secret)")
                .conditionExpression("attribute_exists(merchant_id)")
                .expressionAttributeValues(Map.of(":secret", s(secretIfNone.value())))
                .returnValues(ReturnValue.ALL_NEW)));
        return WebhookSecret.of(string(response.attributes(), "webhook_secret"));
    }

    @Override
    public WebhookEndpoint rotateSecret(String merchantId, WebhookSecret newSecret, Instant previousExpiresAt) {
        var response = DynamoCalls.call("UpdateItem", () -> {
            try {
                return dynamoDb.updateItem(update -> update
                        .tableName(table)
                        .key(key(merchantId))
                        .updateExpression("SET webhook_previous_secret = webhook_secret, webhook_secret = :secret, "
                                + "webhook_previous_secret_expires_at = :expires")
                        .conditionExpression("attribute_exists(webhook_secret)")
                        .expressionAttributeValues(Map.of(":secret", s(newSecret.value()),
                                ":expires", time(previousExpiresAt)))
                        .returnValues(ReturnValue.ALL_NEW));
            } catch (ConditionalCheckFailedException noSecretYet) {
                return dynamoDb.updateItem(update -> update
                        .tableName(table)
                        .key(key(merchantId))
                        .updateExpression("SET webhook_secret = :secret")
                        .conditionExpression("attribute_exists(merchant_id)")
                        .expressionAttributeValues(Map.of(":secret", s(newSecret.value())))
                        .returnValues(ReturnValue.ALL_NEW));
            }
        });
        return fromItem(merchantId, response.attributes());
    }

    @Override
    public boolean expirePreviousSecret(String merchantId, Instant now) {
        var response = DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(merchantId))
                .updateExpression("REMOVE webhook_previous_secret, webhook_previous_secret_expires_at")
                .conditionExpression("attribute_exists(merchant_id)")
                .returnValues(ReturnValue.UPDATED_OLD)));
        Map<String, AttributeValue> old = response.attributes();
        Instant expiresAt = old == null ? null : time(old, "webhook_previous_secret_expires_at");
        return old != null && old.containsKey("webhook_previous_secret") && expiresAt != null && now.isBefore(expiresAt);
    }

    @Override
    public void disable(String merchantId, String reason) {
        DynamoCalls.call("UpdateItem", () -> dynamoDb.updateItem(update -> update
                .tableName(table)
                .key(key(merchantId))
                .updateExpression("SET webhook_disabled = :true, webhook_disabled_reason = :reason")
                .conditionExpression("attribute_exists(merchant_id)")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":reason", s(reason)))));
    }

    private static WebhookEndpoint fromItem(String merchantId, Map<String, AttributeValue> item) {
        String secret = string(item, "webhook_secret");
        String previous = string(item, "webhook_previous_secret");
        AttributeValue disabled = item.get("webhook_disabled");
        return new WebhookEndpoint(
                merchantId,
                string(item, "webhook_url"),
                secret == null ? null : WebhookSecret.of(secret),
                previous == null ? null : WebhookSecret.of(previous),
                time(item, "webhook_previous_secret_expires_at"),
                disabled != null && Boolean.TRUE.equals(disabled.bool()),
                string(item, "webhook_disabled_reason"));
    }

    private static Map<String, AttributeValue> key(String merchantId) {
        return Map.of("merchant_id", s(merchantId));
    }
}
