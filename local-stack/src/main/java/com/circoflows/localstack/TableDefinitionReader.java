package com.circoflows.localstack;

import static com.circoflows.localstack.TemplateNodes.bool;
import static com.circoflows.localstack.TemplateNodes.list;
import static com.circoflows.localstack.TemplateNodes.map;
import static com.circoflows.localstack.TemplateNodes.requiredString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the template's {@code AWS::DynamoDB::Table} resources. */
final class TableDefinitionReader {

    private TableDefinitionReader() {
    }

    static List<TableDefinition> read(TemplateResources resources) {
        return resources.idsOfType(TemplateResources.TABLE_TYPE).stream()
                .map(id -> read(id, resources.properties(id)))
                .toList();
    }

    private static TableDefinition read(String id, Map<String, Object> props) {
        if (props.containsKey("LocalSecondaryIndexes")) {
            // Creating the table without them would only fail later, on the first query that needs one.
            throw new IllegalArgumentException(id + ": LocalSecondaryIndexes are not supported by the local stack");
        }
        Map<String, String> attributeTypes = new LinkedHashMap<>();
        for (Object node : list(props.get("AttributeDefinitions"), id + ".AttributeDefinitions")) {
            Map<String, Object> attribute = map(node, id + ".AttributeDefinitions[]");
            attributeTypes.put(
                    requiredString(attribute.get("AttributeName"), id + ".AttributeDefinitions[].AttributeName"),
                    requiredString(attribute.get("AttributeType"), id + ".AttributeDefinitions[].AttributeType"));
        }
        KeySchema key = KeySchema.read(props.get("KeySchema"), id + ".KeySchema");

        List<IndexDefinition> indexes = new ArrayList<>();
        for (Object node : list(props.get("GlobalSecondaryIndexes"), id + ".GlobalSecondaryIndexes")) {
            indexes.add(readIndex(map(node, id + ".GlobalSecondaryIndexes[]"), id));
        }

        Map<String, Object> ttl = map(props.get("TimeToLiveSpecification"), id + ".TimeToLiveSpecification");
        String ttlAttribute = bool(ttl.get("Enabled"), false, id + ".TimeToLiveSpecification.Enabled")
                ? requiredString(ttl.get("AttributeName"), id + ".TimeToLiveSpecification.AttributeName")
                : null;

        return new TableDefinition(id, props.get("TableName"), key.hash(), key.range(), attributeTypes, indexes,
                ttlAttribute);
    }

    private static IndexDefinition readIndex(Map<String, Object> index, String tableId) {
        String name = requiredString(index.get("IndexName"), tableId + ".GlobalSecondaryIndexes[].IndexName");
        String where = tableId + ".GlobalSecondaryIndexes." + name;
        KeySchema key = KeySchema.read(index.get("KeySchema"), where + ".KeySchema");
        Map<String, Object> projection = map(index.get("Projection"), where + ".Projection");
        // Required here although CloudFormation lets it out: which attributes an index returns is
        // worth stating rather than guessing.
        String projectionType = requiredString(projection.get("ProjectionType"), where + ".Projection.ProjectionType");
        List<String> nonKey = list(projection.get("NonKeyAttributes"), where + ".Projection.NonKeyAttributes")
                .stream().map(a -> requiredString(a, where + ".Projection.NonKeyAttributes[]")).toList();
        return new IndexDefinition(name, key.hash(), key.range(), projectionType, nonKey);
    }

    private record KeySchema(String hash, String range) {
        static KeySchema read(Object node, String where) {
            String hash = null;
            String range = null;
            for (Object element : list(node, where)) {
                Map<String, Object> key = map(element, where + "[]");
                String name = requiredString(key.get("AttributeName"), where + "[].AttributeName");
                String type = requiredString(key.get("KeyType"), where + "[].KeyType");
                switch (type) {
                    case "HASH" -> hash = name;
                    case "RANGE" -> range = name;
                    default -> throw new IllegalArgumentException(where + ": unknown KeyType " + type);
                }
            }
            if (hash == null) {
                throw new IllegalArgumentException(where + " has no HASH key");
            }
            return new KeySchema(hash, range);
        }
    }
}
