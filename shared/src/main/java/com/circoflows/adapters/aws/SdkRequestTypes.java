package com.circoflows.adapters.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds, and never sends, one request of each DynamoDB write our adapters make. A request type's
 * first use loads and initialises its model classes and their field tables, hundreds of classes in
 * all; priming does it off the request path. Loading the marshallers by name does the same for the
 * code that turns them into HTTP.
 */
public final class SdkRequestTypes {
    private static final String DYNAMODB_TRANSFORM = "software.amazon.awssdk.services.dynamodb.transform.";

    private SdkRequestTypes() {
    }

    public static void loadDynamoDbWrites() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("priming"));
        UpdateItemRequest.builder().tableName("priming").key(key).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW).build();
        PutItemRequest.builder().tableName("priming").item(key).conditionExpression("attribute_not_exists(id)").build();
        TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("priming").item(key).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName("priming").key(key)
                        .updateExpression("SET n = :one").build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("priming").key(key)
                        .conditionExpression("attribute_exists(id)").build()).build())
                .build();
        load(DYNAMODB_TRANSFORM, "UpdateItemRequestMarshaller", "PutItemRequestMarshaller",
                "TransactWriteItemsRequestMarshaller", "GetItemRequestMarshaller", "QueryRequestMarshaller");
    }

    static void load(String pkg, String... simpleNames) {
        ClassLoader loader = SdkRequestTypes.class.getClassLoader();
        for (String name : simpleNames) {
            try {
                Class.forName(pkg + name, true, loader);
            } catch (ClassNotFoundException e) {
                // Another SDK version may name it otherwise: priming is an optimisation, never a failure.
            }
        }
    }
}
