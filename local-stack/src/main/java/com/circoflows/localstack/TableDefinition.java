package com.circoflows.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::DynamoDB::Table} as the template declares it.
 *
 * @param rawTableName the template's TableName value, unresolved (a {@code Fn::Sub} map, a string, or
 *                     null when CloudFormation would generate the name)
 * @param rangeKey     null for a hash-only key
 * @param attributeTypes attribute name to S, N or B, in template order
 * @param ttlAttribute null unless TimeToLiveSpecification is enabled
 */
public record TableDefinition(
        String logicalId,
        Object rawTableName,
        String hashKey,
        String rangeKey,
        Map<String, String> attributeTypes,
        List<IndexDefinition> globalSecondaryIndexes,
        String ttlAttribute) {

    public TableDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(hashKey, "hashKey");
        attributeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }

    public IndexDefinition globalSecondaryIndex(String indexName) {
        return globalSecondaryIndexes.stream()
                .filter(index -> index.name().equals(indexName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Table " + logicalId + " has no global secondary index " + indexName));
    }
}
