package com.circoflows.localstack;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Brings one DynamoDB table in line with its template definition. Tables may already exist from an
 * earlier run (persistent data directory), so existing ones are kept with their data; indexes the
 * template gained since are added.
 */
final class TableProvisioner {

    private static final Duration INDEX_CREATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INDEX_STATUS_POLL = Duration.ofMillis(100);

    private final DynamoDbClient dynamoDb;

    TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** The table and its indexes; time to live comes after, for every table ({@link #ensureTimeToLive}). */
    void ensure(TableDefinition table, String tableName) {
        TableDescription existing = describe(tableName);
        if (existing == null) {
            create(table, tableName);
        } else {
            requireSameKey(table, tableName, existing);
            addMissingIndexes(table, tableName, existing);
        }
    }

    /**
     * Enables the table's time to live, if it has one. DynamoDB Local runs index builds and TTL sweeps
     * on one pool of 10 threads, and each table with TTL holds a thread for good (three more go to its
     * schedulers): once 7 such tables share a server, an index added to an existing table never gets a
     * thread, never becomes ACTIVE, and the server's stop then waits for it forever. So a provisioning
     * adds every missing index before it enables any TTL, and a server holds at most one stack's TTL
     * tables plus whatever index additions a second stack needs before its own TTL starts.
     */
    void ensureTimeToLive(TableDefinition table, String tableName) {
        if (table.ttlAttribute() != null) {
            enableTimeToLive(tableName, table.ttlAttribute());
        }
    }

    private TableDescription describe(String tableName) {
        try {
            return dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void create(TableDefinition table, String tableName) {
        TableStatus status = null;
        try {
            status = dynamoDb.createTable(r -> {
                r.tableName(tableName)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributeDefinitions(table, table.attributeTypes().keySet()))
                        .keySchema(keySchema(table.hashKey(), table.rangeKey()));
                if (!table.globalSecondaryIndexes().isEmpty()) {
                    r.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(TableProvisioner::index).toList());
                }
            }).tableDescription().tableStatus();
        } catch (ResourceInUseException alreadyCreated) {
            // Another process provisioning the same data directory got there first; its table will do.
        }
        // DynamoDB Local answers with an ACTIVE table; LocalStack and AWS may still be CREATING it. The
        // waiter is only built when needed: loading it is a good part of a cold provisioning's time.
        if (status == TableStatus.ACTIVE) {
            return;
        }
        try (var waiter = dynamoDb.waiter()) {
            waiter.waitUntilTableExists(r -> r.tableName(tableName));
        }
    }

    private static void requireSameKey(TableDefinition table, String tableName, TableDescription existing) {
        List<KeySchemaElement> expected = keySchema(table.hashKey(), table.rangeKey());
        if (!Set.copyOf(existing.keySchema()).equals(Set.copyOf(expected))) {
            throw new IllegalStateException("Local table " + tableName + " exists with key " + describeKey(existing.keySchema())
                    + " but the template declares " + describeKey(expected)
                    + "; a key cannot change in place, so delete the local data directory to recreate it");
        }
    }

    private void addMissingIndexes(TableDefinition table, String tableName, TableDescription existing) {
        Set<String> present = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        for (IndexDefinition index : table.globalSecondaryIndexes()) {
            if (present.contains(index.name())) {
                continue;
            }
            Set<String> keyAttributes = new LinkedHashSet<>();
            keyAttributes.add(index.hashKey());
            if (index.rangeKey() != null) {
                keyAttributes.add(index.rangeKey());
            }
            GlobalSecondaryIndex gsi = index(index);
            // DynamoDB accepts one index creation per UpdateTable call.
            dynamoDb.updateTable(r -> r.tableName(tableName)
                    .attributeDefinitions(attributeDefinitions(table, keyAttributes))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(gsi.indexName())
                                    .keySchema(gsi.keySchema())
                                    .projection(gsi.projection())
                                    .build())
                            .build()));
            awaitActive(tableName, index.name());
        }
    }

    /**
     * An index is backfilled after UpdateTable returns; until it is ACTIVE, queries on it fail. Waiting
     * also keeps DynamoDB Local's stop from hanging: it waits forever for an index still being created.
     */
    private void awaitActive(String tableName, String indexName) {
        long deadline = System.nanoTime() + INDEX_CREATION_TIMEOUT.toNanos();
        while (indexStatus(tableName, indexName) != IndexStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Index " + indexName + " of " + tableName + " is not ACTIVE after "
                        + INDEX_CREATION_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(INDEX_STATUS_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for index " + indexName + " of " + tableName, e);
            }
        }
    }

    private IndexStatus indexStatus(String tableName, String indexName) {
        return describe(tableName).globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(indexName))
                .map(GlobalSecondaryIndexDescription::indexStatus)
                .findFirst()
                .orElse(null);
    }

    private void enableTimeToLive(String tableName, String attribute) {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(r -> r.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        try {
            dynamoDb.updateTimeToLive(r -> r.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            // Lost a race with another provisioner: the outcome is the one we wanted.
            String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            if (message == null || !message.toLowerCase(Locale.ROOT).contains("already enabled")) {
                throw e;
            }
        }
    }

    private static List<AttributeDefinition> attributeDefinitions(TableDefinition table, Set<String> names) {
        Function<String, AttributeDefinition> definition = name -> {
            String type = table.attributeTypes().get(name);
            if (type == null) {
                throw new IllegalArgumentException(
                        "Table " + table.logicalId() + " uses attribute " + name + " without an AttributeDefinition");
            }
            return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
        };
        return names.stream().map(definition).toList();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        KeySchemaElement hash = KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build();
        if (rangeKey == null) {
            return List.of(hash);
        }
        return List.of(hash, KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
    }

    private static GlobalSecondaryIndex index(IndexDefinition index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                .projection(projection.build())
                .build();
    }

    private static String describeKey(List<KeySchemaElement> key) {
        return key.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).collect(Collectors.joining(", ", "[", "]"));
    }
}
