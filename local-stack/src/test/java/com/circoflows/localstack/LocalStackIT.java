package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalStackIT {

    private static final Map<String, String> PARAMETERS = Map.of("Stage", "dev");

    private static LocalStack stack;

    @BeforeAll
    static void startInMemoryStackOnFreePorts() {
        stack = LocalStack.start(LocalStackOptions.defaults().withParameterValues(PARAMETERS));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void createsEveryTemplateTableWithItsIndexesAndTtl() {
        DynamoDbClient dynamoDb = stack.dynamoDbClient();
        for (TableDefinition table : stack.template().tables()) {
            String name = stack.resources().tableName(table.logicalId());
            TableDescription description = dynamoDb.describeTable(r -> r.tableName(name)).table();

            assertEquals(table.hashKey(), keyOf(description.keySchema(), KeyType.HASH), name);
            assertEquals(table.rangeKey(), keyOf(description.keySchema(), KeyType.RANGE), name);
            assertEquals(BillingMode.PAY_PER_REQUEST, description.billingModeSummary().billingMode(), name);
            for (IndexDefinition index : table.globalSecondaryIndexes()) {
                GlobalSecondaryIndexDescription actual = description.globalSecondaryIndexes().stream()
                        .filter(i -> i.indexName().equals(index.name())).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " lacks index " + index.name()));
                assertEquals(index.hashKey(), keyOf(actual.keySchema(), KeyType.HASH));
                assertEquals(index.rangeKey(), keyOf(actual.keySchema(), KeyType.RANGE));
                assertEquals(index.projectionType(), actual.projection().projectionTypeAsString());
            }
            assertEquals(table.globalSecondaryIndexes().size(), description.globalSecondaryIndexes().size(), name);

            var ttl = dynamoDb.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
            if (table.ttlAttribute() != null) {
                assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus(), name);
                assertEquals(table.ttlAttribute(), ttl.attributeName(), name);
            } else {
                assertEquals(TimeToLiveStatus.DISABLED, ttl.timeToLiveStatus(), name);
            }
        }
        assertEquals("circoflows-local-merchants", stack.resources().tableName("MerchantsTable"));
    }

    @Test
    void putsAndQueriesAnItemThroughTheRealSdk() {
        String table = stack.resources().tableName("TransactionsTable");
        String merchant = "m_" + UUID.randomUUID();
        stack.dynamoDbClient().putItem(r -> r.tableName(table).item(Map.of(
                "transaction_id", s("txn_1"), "merchant_id", s(merchant), "created_at", s("2030-01-01T00:00:00Z"),
                "amount", AttributeValue.fromN("1050"))));

        Map<String, AttributeValue> item = stack.dynamoDbClient()
                .getItem(r -> r.tableName(table).key(Map.of("transaction_id", s("txn_1"))).consistentRead(true)).item();
        assertEquals("1050", item.get("amount").n());

        List<Map<String, AttributeValue>> byMerchant = stack.dynamoDbClient().query(r -> r.tableName(table)
                .indexName("by_merchant_created")
                .keyConditionExpression("merchant_id = :m")
                .expressionAttributeValues(Map.of(":m", s(merchant)))).items();
        assertEquals(1, byMerchant.size());
    }

    @Test
    void sendsAndReceivesAMessageOnTheWebhookQueue() {
        SqsClient sqs = stack.sqsClient();
        String url = stack.resources().queueUrl("WebhookQueue");
        assertTrue(url.startsWith(stack.sqs().endpoint().toString()), url);
        String body = "{\"id\":\"evt_" + UUID.randomUUID() + "\"}";

        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
        List<Message> received = receive(sqs, url);

        assertEquals(List.of(body), received.stream().map(Message::body).toList());
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void configuresTheWebhookQueueFromTheTemplate() {
        Map<String, String> attributes = stack.sqsClient().getQueueAttributes(r -> r
                .queueUrl(stack.resources().queueUrl("WebhookQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        // No MessageRetentionPeriod: ElasticMQ keeps messages until deleted, so it is not set locally.
        assertEquals(String.valueOf(stack.template().queue("WebhookQueue").visibilityTimeoutSeconds()),
                attributes.get("VisibilityTimeout"));
        assertTrue(attributes.get("RedrivePolicy").contains(stack.resources().queueArn("WebhookDeadLetterQueue")),
                attributes.get("RedrivePolicy"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:circoflows-local-webhooks",
                stack.resources().queueArn("WebhookQueue"));
    }

    @Test
    void movesAMessageReceivedMoreThanMaxReceiveCountTimesToTheDeadLetterQueue() {
        // Own stack name, so its queues hold nothing but this test's message.
        ProvisionedResources own = new LocalProvisioner(stack.template(), stack.dynamoDbClient(), stack.sqsClient())
                .provision("redrive-test", "us-east-1", PARAMETERS);
        SqsClient sqs = stack.sqsClient();
        String queue = own.queueUrl("WebhookQueue");
        String deadLetters = own.queueUrl("WebhookDeadLetterQueue");
        int maxReceiveCount = stack.template().queue("WebhookQueue").redrive().maxReceiveCount();

        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("undeliverable"));
        int receives = 0;
        List<Message> batch;
        while (!(batch = receive(sqs, queue)).isEmpty() && receives <= maxReceiveCount) {
            receives++;
            String handle = batch.get(0).receiptHandle();
            // Make it visible again at once instead of waiting out the visibility timeout.
            sqs.changeMessageVisibility(r -> r.queueUrl(queue).receiptHandle(handle).visibilityTimeout(0));
        }

        assertEquals(maxReceiveCount, receives);
        assertEquals(List.of("undeliverable"), receive(sqs, deadLetters).stream().map(Message::body).toList());
    }

    @Test
    void provisioningTwiceIsHarmless() {
        String table = stack.resources().tableName("MerchantsTable");
        stack.dynamoDbClient().putItem(r -> r.tableName(table).item(Map.of("merchant_id", s("m_twice"))));

        ProvisionedResources again = new LocalProvisioner(stack.template(), stack.dynamoDbClient(), stack.sqsClient())
                .provision(LocalStackOptions.DEFAULT_STACK_NAME, LocalStackOptions.DEFAULT_REGION, PARAMETERS);

        // The tables and queues (the secrets are the stand-in's, provisioned by the stack itself).
        assertEquals(stack.resources().context().tableNames(), again.context().tableNames());
        assertEquals(stack.resources().context().queueUrls(), again.context().queueUrls());
        assertEquals(stack.resources().context().queueArns(), again.context().queueArns());
        assertTrue(stack.dynamoDbClient().getItem(r -> r.tableName(table).key(Map.of("merchant_id", s("m_twice"))))
                .hasItem());
    }

    @Test
    void addsAnIndexTheTemplateGainedToATableThatAlreadyExists() {
        String stackName = "index-test";
        String table = stackName + "-transactions";
        stack.dynamoDbClient().createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("transaction_id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("transaction_id").keyType(KeyType.HASH).build()));

        new LocalProvisioner(stack.template(), stack.dynamoDbClient(), stack.sqsClient())
                .provision(stackName, "us-east-1", PARAMETERS);

        Set<String> indexes = stack.dynamoDbClient().describeTable(r -> r.tableName(table)).table()
                .globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        assertEquals(stack.template().table("TransactionsTable").globalSecondaryIndexes().stream()
                .map(IndexDefinition::name).collect(Collectors.toSet()), indexes);
        assertTrue(indexes.contains("by_merchant_created"), indexes.toString());
    }

    @Test
    void keepsTableItemsAcrossRestartsWithTheSameDataDir() throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "local-stack-it-");
        try {
            LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withParameterValues(PARAMETERS);
            try (LocalStack first = LocalStack.start(options)) {
                first.dynamoDbClient().putItem(r -> r.tableName(first.resources().tableName("ApiKeysTable"))
                        .item(Map.of("key_id", s("key_persisted"), "merchant_id", s("m_1"), "created_at", s("t"))));
            }
            assertTrue(Files.isDirectory(dataDir.resolve("dynamodb")));

            try (LocalStack second = LocalStack.start(options)) {
                String table = second.resources().tableName("ApiKeysTable");
                Map<String, AttributeValue> item = second.dynamoDbClient()
                        .getItem(r -> r.tableName(table).key(Map.of("key_id", s("key_persisted")))).item();
                assertEquals("m_1", item.get("merchant_id").s());
                assertEquals(TimeToLiveStatus.ENABLED, second.dynamoDbClient()
                        .describeTimeToLive(r -> r.tableName(second.resources().tableName("RateLimitsTable")))
                        .timeToLiveDescription().timeToLiveStatus());
            }
        } finally {
            deleteRecursively(dataDir);
        }
        assertTrue(Files.notExists(Path.of("dynamodb-local-metadata.json")));
    }

    /**
     * The webhook queue's jobs outlive the runner: a waiting job and one in flight (received, not yet
     * deleted) are both there after a restart, the one in flight with its receive count, which the
     * retry schedule and the dead-letter queue count on.
     */
    @Test
    void keepsQueuedMessagesAcrossRestartsWithTheSameDataDir() throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "local-stack-it-");
        try {
            LocalStackOptions options = LocalStackOptions.defaults().withDataDir(dataDir).withParameterValues(PARAMETERS);
            String queueUrl;
            try (LocalStack first = LocalStack.start(options)) {
                queueUrl = first.resources().queueUrl("WebhookQueue");
                String url = queueUrl;
                first.sqsClient().sendMessage(r -> r.queueUrl(url).messageBody("{\"event_id\":\"evt_waiting\"}"));
                first.sqsClient().sendMessage(r -> r.queueUrl(url).messageBody("{\"event_id\":\"evt_in_flight\"}"));
                List<Message> received = first.sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(1).waitTimeSeconds(1)).messages();
                assertEquals(2, received.size(), received.toString());
                Message keepWaiting = received.stream().filter(m -> m.body().contains("evt_waiting")).findFirst()
                        .orElseThrow();
                // Back to waiting at once: only evt_in_flight is still held by a consumer at the restart.
                first.sqsClient().changeMessageVisibility(r -> r.queueUrl(url)
                        .receiptHandle(keepWaiting.receiptHandle()).visibilityTimeout(0));
            }
            assertTrue(Files.isDirectory(dataDir.resolve("elasticmq")));

            try (LocalStack second = LocalStack.start(options)) {
                String url = second.resources().queueUrl("WebhookQueue");
                assertEquals(queueUrl.substring(queueUrl.lastIndexOf('/')), url.substring(url.lastIndexOf('/')));
                Map<String, Integer> receiveCounts = new java.util.HashMap<>();
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (receiveCounts.size() < 2 && System.nanoTime() < deadline) {
                    for (Message message : second.sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                            .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount").waitTimeSeconds(1))
                            .messages()) {
                        receiveCounts.put(message.body(), Integer.valueOf(message.attributesAsStrings()
                                .get("ApproximateReceiveCount")));
                    }
                }
                assertEquals(Map.of("{\"event_id\":\"evt_waiting\"}", 2, "{\"event_id\":\"evt_in_flight\"}", 2),
                        receiveCounts, "both jobs back, each received once before the restart and once after");
                String dlq = second.resources().queueUrl("WebhookDeadLetterQueue");
                assertTrue(second.sqsClient().getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes()
                        .get(QueueAttributeName.REDRIVE_POLICY).contains(dlq.substring(dlq.lastIndexOf('/') + 1)));
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    void oneStoredQueueServerPerJvmAtATimeWithAClearMessage() throws IOException {
        Path first = Files.createTempDirectory(Path.of("target"), "local-sqs-it-");
        Path second = Files.createTempDirectory(Path.of("target"), "local-sqs-it-");
        try {
            try (LocalSqs running = LocalSqs.start(0, "us-east-1", first)) {
                IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                        () -> LocalSqs.start(0, "us-east-1", second).close());
                assertTrue(String.valueOf(refused.getCause()).contains("one at a time"), refused.toString());
            }
            try (LocalSqs next = LocalSqs.start(0, "us-east-1", second); SqsClient client = next.newClient()) {
                assertTrue(client.createQueue(r -> r.queueName("after-the-first-stopped")).queueUrl().endsWith("stopped"));
            }
        } finally {
            deleteRecursively(first);
            deleteRecursively(second);
        }
    }

    @Test
    void putsTheGivenFixedPortIntoQueueUrls() {
        int port = FreePort.pick();
        try (LocalSqs sqs = LocalSqs.start(port, "us-east-1"); SqsClient client = sqs.newClient()) {
            String url = client.createQueue(r -> r.queueName("fixed-port")).queueUrl();
            assertEquals("http://127.0.0.1:" + port + "/000000000000/fixed-port", url);
        }
    }

    private static List<Message> receive(SqsClient sqs, String url) {
        return new ArrayList<>(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages());
    }

    private static String keyOf(List<KeySchemaElement> keySchema, KeyType type) {
        return keySchema.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName)
                .findFirst().orElse(null);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
