package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link LocalStack#attach} on servers that outlive it, as every stack of a JVM attaches to the one
 * LocalStack container under -Plocalstack; here the servers are DynamoDB Local and ElasticMQ, so it
 * runs without Docker.
 */
class AttachedStackIT {

    private static final LocalStackOptions OPTIONS = LocalStackOptions.defaults()
            .withSecret("AppSecret", "attached-stack-it-secret-0123456789abcdef");

    private static LocalDynamoDb dynamoDb;
    private static LocalSqs sqs;

    @BeforeAll
    static void startServers() {
        dynamoDb = LocalDynamoDb.startInMemory(0);
        sqs = LocalSqs.start(0, OPTIONS.region());
    }

    @AfterAll
    static void stopServers() {
        if (sqs != null) {
            sqs.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void twoStacksOnTheSameServersGetTablesAndQueuesOfTheirOwnFromTheTemplate() {
        try (LocalStack first = attach("attached-a"); LocalStack second = attach("attached-b")) {
            for (TableDefinition table : first.template().tables()) {
                String mine = first.resources().tableName(table.logicalId());
                String theirs = second.resources().tableName(table.logicalId());
                assertNotEquals(mine, theirs);
                assertTrue(mine.startsWith("attached-a-"), mine);
                assertEquals("ACTIVE", first.dynamoDbClient().describeTable(r -> r.tableName(mine))
                        .table().tableStatusAsString(), mine);
            }
            String queue = first.resources().queueUrl("WebhookQueue");
            assertNotEquals(queue, second.resources().queueUrl("WebhookQueue"));
            String redrive = first.sqsClient().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
            assertTrue(redrive.contains(first.resources().queueArn("WebhookDeadLetterQueue")), redrive);
            assertEquals(dynamoDb.endpoint(), first.dynamoDb().endpoint());
            assertEquals(sqs.endpoint(), first.sqs().endpoint());
        }
    }

    @Test
    void closingAnAttachedStackLeavesTheServersAndItsTablesToTheirOwner() {
        String table;
        try (LocalStack attached = attach("attached-closed")) {
            table = attached.resources().tableName("TransactionsTable");
        }
        try (DynamoDbClient client = dynamoDb.newClient(); SqsClient queues = sqs.newClient()) {
            assertTrue(client.listTables().tableNames().contains(table), "tables stay: " + table);
            List<String> urls = queues.listQueues().queueUrls();
            assertTrue(urls.stream().anyMatch(url -> url.endsWith("/attached-closed-webhooks")), urls::toString);
        }
    }

    @Test
    void attachingAgainUnderTheSameStackNameFindsTheSameTablesAndQueues() {
        try (LocalStack first = attach("attached-again")) {
            first.dynamoDbClient().putItem(r -> r.tableName(first.resources().tableName("MerchantsTable"))
                    .item(Map.of("merchant_id", AttributeValue.fromS("mch_attached"))));
        }
        try (LocalStack again = attach("attached-again")) {
            assertEquals(1, again.dynamoDbClient().scan(r -> r.tableName(again.resources().tableName("MerchantsTable")))
                    .count());
        }
    }

    private static LocalStack attach(String stackName) {
        return LocalStack.attach(OPTIONS.withStackName(stackName), dynamoDb.endpoint(), sqs.endpoint());
    }
}
