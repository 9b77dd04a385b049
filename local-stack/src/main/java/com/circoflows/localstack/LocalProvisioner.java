package com.circoflows.localstack;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the template's tables and queues on the local servers. Safe to run again on the same
 * servers or data directory: what exists is kept.
 */
public final class LocalProvisioner {

    private final SamTemplate template;
    private final TemplateValueResolver resolver;
    private final TableProvisioner tables;
    private final QueueProvisioner queues;

    public LocalProvisioner(SamTemplate template, DynamoDbClient dynamoDb, SqsClient sqs) {
        this.template = template;
        this.resolver = new TemplateValueResolver(template);
        this.tables = new TableProvisioner(dynamoDb);
        this.queues = new QueueProvisioner(template, resolver, sqs);
    }

    public ProvisionedResources provision(String stackName, String region, Map<String, String> parameterValues) {
        ResolutionContext ctx = ResolutionContext.of(stackName, region, parameterValues);
        for (TableDefinition table : template.tables()) {
            String tableName = resolver.resolveTableName(table, ctx);
            tables.ensure(table, tableName);
            ctx = ctx.withTable(table.logicalId(), tableName);
        }
        return new ProvisionedResources(queues.ensureAll(ctx));
    }
}
