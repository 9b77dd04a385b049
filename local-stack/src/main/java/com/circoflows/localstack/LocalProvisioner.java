package com.circoflows.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the template's tables and queues on the local servers. Safe to run again on the same
 * servers or data directory: what exists is kept.
 */
public final class LocalProvisioner {
    /*
     * Tables are independent of each other and of the queues, and each costs a few round trips
     * (describe, create, wait, time to live): provisioning them side by side, and the queues beside
     * them, takes about as long as the slowest table instead of the sum. The calls mostly wait on the
     * servers, so a few threads help even on two cores.
     */
    private static final int THREADS = 4;

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
        ResolutionContext start = ResolutionContext.of(stackName, region, parameterValues);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CompletableFuture<ResolutionContext> queuesDone =
                    CompletableFuture.supplyAsync(() -> queues.ensureAll(start), pool);
            List<CompletableFuture<?>> tablesDone = new ArrayList<>();
            ResolutionContext ctx = start;
            for (TableDefinition table : template.tables()) {
                String tableName = resolver.resolveTableName(table, ctx);
                tablesDone.add(CompletableFuture.runAsync(() -> tables.ensure(table, tableName), pool));
                ctx = ctx.withTable(table.logicalId(), tableName);
            }
            join(tablesDone);
            // Only once every index is built: see TableProvisioner.ensureTimeToLive.
            List<CompletableFuture<?>> timeToLiveDone = new ArrayList<>();
            for (TableDefinition table : template.tables()) {
                String tableName = ctx.tableNames().get(table.logicalId());
                timeToLiveDone.add(CompletableFuture.runAsync(() -> tables.ensureTimeToLive(table, tableName), pool));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(timeToLiveDone);
            all.add(queuesDone);
            join(all);
            ResolutionContext withQueues = queuesDone.join();
            return new ProvisionedResources(new ResolutionContext(stackName, region, parameterValues,
                    ctx.tableNames(), withQueues.queueUrls(), withQueues.queueArns(), ctx.secretArns()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every step, then reports the first failure with the others attached. */
    private static void join(List<CompletableFuture<?>> steps) {
        RuntimeException failure = null;
        for (CompletableFuture<?> step : steps) {
            try {
                step.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
