package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.n;
import static com.circoflows.adapters.dynamodb.Attributes.s;

import com.circoflows.domain.wallet.WalletTokenClaims;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Wallet token claims in the wallet tokens table, one item per token ("&lt;mode&gt;#&lt;wallet&gt;#&lt;hash of its
 * id&gt;"), written with a conditional put that only the same transaction may repeat. DynamoDB's TTL removes
 * a claim once its token could no longer be accepted anyway.
 */
public final class DynamoWalletTokenClaims implements WalletTokenClaims {
    static final String KEY = "token_key";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoWalletTokenClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean claim(String tokenKey, String transactionId, Instant keepUntil) {
        Map<String, AttributeValue> item = Map.of(
                KEY, s(tokenKey),
                "transaction_id", s(transactionId),
                "expires_at", n(keepUntil.getEpochSecond()));
        return DynamoCalls.call("PutItem", () -> {
            try {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + KEY + ") OR transaction_id = :mine")
                        .expressionAttributeValues(Map.of(":mine", s(transactionId))));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                return false;
            }
        });
    }
}
