package com.circoflows.adapters;

import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One {@link LocalStack} (DynamoDB Local + ElasticMQ provisioned from template.yaml, or tables and
 * queues on the JVM's LocalStack container under -Plocalstack: {@link LocalStacks}) for every
 * adapter IT in this JVM: started on first use, stopped when the JVM exits. Tests share its tables,
 * so each one works with fresh random ids and never assumes a table is empty.
 */
public final class LocalStackFixture {
    /** Any 32+ characters: the value the stack serves as the template's AppSecret. */
    public static final String APP_SECRET_KEY = "adapter-it-app-secret-key-0123456789abcdef";

    private static LocalStack stack;

    private LocalStackFixture() {
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            LocalStack started = LocalStacks.start(LocalStackOptions.defaults()
                    .withSecret("AppSecret", APP_SECRET_KEY));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-shutdown"));
            stack = started;
        }
        return stack;
    }

    public static DynamoDbClient dynamoDb() {
        return stack().dynamoDbClient();
    }

    public static SqsClient sqs() {
        return stack().sqsClient();
    }

    /** The physical name of a template table, e.g. {@code table("TransactionsTable")}. */
    public static String table(String logicalId) {
        return stack().resources().tableName(logicalId);
    }

    public static String queueUrl(String logicalId) {
        return stack().resources().queueUrl(logicalId);
    }
}
