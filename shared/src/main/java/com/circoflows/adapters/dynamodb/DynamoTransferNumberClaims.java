package com.circoflows.adapters.dynamodb;

import static com.circoflows.adapters.dynamodb.Attributes.s;
import static com.circoflows.adapters.dynamodb.Attributes.string;

import com.circoflows.domain.banktransfer.ClaimedTransfer;
import com.circoflows.domain.banktransfer.TransferNumberClaims;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.merchant.Mode;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Transfer numbers in the bank transfers table, one item per number ("number#&lt;scheme&gt;#&lt;number&gt;"),
 * claimed with a conditional put that only the same payment may repeat. Every lookup of a credit is one
 * consistent GetItem per candidate.
 */
public final class DynamoTransferNumberClaims implements TransferNumberClaims {
    static final String KEY = "pk";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoTransferNumberClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String key(TransferScheme scheme, long number) {
        return "number#" + scheme.name() + "#" + number;
    }

    @Override
    public boolean claim(TransferScheme scheme, long number, ClaimedTransfer claim) {
        Map<String, AttributeValue> item = Map.of(
                KEY, s(key(scheme, number)),
                "transaction_id", s(claim.transactionId()),
                "merchant_id", s(claim.merchantId()),
                "mode", s(claim.mode().wireName()));
        return DynamoCalls.call("PutItem", () -> {
            try {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + KEY + ") OR transaction_id = :mine")
                        .expressionAttributeValues(Map.of(":mine", s(claim.transactionId()))));
                return true;
            } catch (ConditionalCheckFailedException taken) {
                return false;
            }
        });
    }

    @Override
    public Optional<ClaimedTransfer> find(TransferScheme scheme, long number) {
        Map<String, AttributeValue> item = DynamoCalls.call("GetItem", () -> dynamoDb.getItem(get -> get
                .tableName(table)
                .key(Map.of(KEY, s(key(scheme, number))))
                .consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClaimedTransfer(string(item, "transaction_id"), string(item, "merchant_id"),
                Mode.fromWireName(string(item, "mode"))));
    }
}
