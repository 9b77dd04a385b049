package com.circoflows.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ started in this JVM and provisioned from the SAM template: the AWS
 * around the functions, without Docker or an AWS account. {@link #attach} provisions the same
 * tables and queues on servers someone else runs (a LocalStack container, see {@link LocalStacks}).
 * Either way the template's secrets are served by an in-process {@link LocalSecretsManager}, and its
 * buckets by an in-process {@link LocalS3}.
 */
public final class LocalStack implements AutoCloseable {

    private final LocalStackOptions options;
    private final SamTemplate template;
    private final ServiceEndpoint dynamoDb;
    private final ServiceEndpoint sqs;
    private final LocalSecretsManager secretsManager;
    private final LocalS3 s3;
    private final DynamoDbClient dynamoDbClient;
    private final SqsClient sqsClient;
    private final ProvisionedResources resources;
    /** The in-process servers this stack started and stops; none when attached. */
    private final AutoCloseable[] ownedServers;

    private LocalStack(LocalStackOptions options, SamTemplate template, ServiceEndpoint dynamoDb, ServiceEndpoint sqs,
                       LocalSecretsManager secretsManager, LocalS3 s3, DynamoDbClient dynamoDbClient, SqsClient sqsClient,
                       ProvisionedResources resources, AutoCloseable... ownedServers) {
        this.options = options;
        this.template = template;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.secretsManager = secretsManager;
        this.s3 = s3;
        this.dynamoDbClient = dynamoDbClient;
        this.sqsClient = sqsClient;
        this.resources = resources;
        this.ownedServers = ownedServers;
    }

    public static LocalStack start(LocalStackOptions options) {
        Path templatePath = options.templatePath() != null ? options.templatePath() : SamTemplate.locate();
        SamTemplate template = SamTemplate.load(templatePath);

        // Each server takes about a second to start; start them side by side. Not on the common pool:
        // on a two-core machine that has a single thread.
        ExecutorService starter = Executors.newFixedThreadPool(2);
        CompletableFuture<LocalDynamoDb> dynamoDbStart;
        CompletableFuture<LocalSqs> sqsStart;
        try {
            dynamoDbStart = CompletableFuture.supplyAsync(
                    () -> LocalDynamoDb.start(options.dynamoDbPort(), options.dynamoDbDataDir()), starter);
            sqsStart = CompletableFuture.supplyAsync(
                    () -> LocalSqs.start(options.sqsPort(), options.region(), options.sqsDataDir()), starter);
            CompletableFuture.allOf(dynamoDbStart, sqsStart).exceptionally(ignored -> null).join();
        } finally {
            starter.shutdown();
        }
        LocalDynamoDb dynamoDb = dynamoDbStart.isCompletedExceptionally() ? null : dynamoDbStart.join();
        LocalSqs sqs = sqsStart.isCompletedExceptionally() ? null : sqsStart.join();
        if (dynamoDb == null || sqs == null) {
            throw closeAfterFailure(startFailure(dynamoDbStart, sqsStart), sqs, dynamoDb);
        }

        DynamoDbClient dynamoDbClient = dynamoDb.newClient();
        SqsClient sqsClient = sqs.newClient();
        LocalSecretsManager secretsManager = null;
        LocalS3 s3 = null;
        try {
            secretsManager = LocalSecretsManager.start(options.region());
            s3 = startS3(template, options);
            ProvisionedResources resources = secretsManager.provision(template,
                    new LocalProvisioner(template, dynamoDbClient, sqsClient)
                            .provision(options.stackName(), options.region(), options.parameterValues()),
                    options.secretValues());
            return new LocalStack(options, template, dynamoDb, sqs, secretsManager, s3, dynamoDbClient, sqsClient,
                    resources, s3, secretsManager, sqs, dynamoDb);
        } catch (RuntimeException e) {
            throw closeAfterFailure(e, sqsClient, dynamoDbClient, s3, secretsManager, sqs, dynamoDb);
        }
    }

    /**
     * Provisions the template's tables and queues on DynamoDB and SQS servers that are already running
     * and outlive this stack (a LocalStack container shared by the JVM). Closing the stack closes only
     * its clients and its own Secrets Manager stand-in. The options' ports and data directory do not
     * apply: the servers are not ours.
     */
    public static LocalStack attach(LocalStackOptions options, URI dynamoDbEndpoint, URI sqsEndpoint) {
        Path templatePath = options.templatePath() != null ? options.templatePath() : SamTemplate.locate();
        SamTemplate template = SamTemplate.load(templatePath);
        DynamoDbClient dynamoDbClient = LocalAwsClients.dynamoDb(dynamoDbEndpoint);
        SqsClient sqsClient = LocalAwsClients.sqs(sqsEndpoint);
        LocalSecretsManager secretsManager = null;
        LocalS3 s3 = null;
        try {
            secretsManager = LocalSecretsManager.start(options.region());
            s3 = startS3(template, options);
            ProvisionedResources resources = secretsManager.provision(template,
                    new LocalProvisioner(template, dynamoDbClient, sqsClient)
                            .provision(options.stackName(), options.region(), options.parameterValues()),
                    options.secretValues());
            return new LocalStack(options, template, () -> dynamoDbEndpoint, () -> sqsEndpoint, secretsManager, s3,
                    dynamoDbClient, sqsClient, resources, s3, secretsManager);
        } catch (RuntimeException e) {
            throw closeAfterFailure(e, sqsClient, dynamoDbClient, s3, secretsManager);
        }
    }

    public LocalStackOptions options() {
        return options;
    }

    public SamTemplate template() {
        return template;
    }

    public ServiceEndpoint dynamoDb() {
        return dynamoDb;
    }

    public ServiceEndpoint sqs() {
        return sqs;
    }

    /** Serves the template's secrets (GetSecretValue) to functions: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public ServiceEndpoint secretsManager() {
        return secretsManager;
    }

    /**
     * The template's buckets (logo uploads): {@code AWS_ENDPOINT_URL_S3}. Always this JVM's stand-in,
     * under LocalStack too, as the secrets are.
     */
    public LocalS3 s3() {
        return s3;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    /** Shared client; closed with the stack, so do not close it yourself. */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClient;
    }

    /** Shared client; closed with the stack, so do not close it yourself. */
    public SqsClient sqsClient() {
        return sqsClient;
    }

    /** The environment a function would get on AWS, with this stack's table names and queue URLs. */
    public Map<String, String> environmentOf(FunctionDefinition function) {
        return new TemplateValueResolver(template).resolveEnvironment(function, resources.context());
    }

    @Override
    public void close() {
        AutoCloseable[] clientsThenServers = new AutoCloseable[2 + ownedServers.length];
        clientsThenServers[0] = sqsClient;
        clientsThenServers[1] = dynamoDbClient;
        System.arraycopy(ownedServers, 0, clientsThenServers, 2, ownedServers.length);
        closeAll(clientsThenServers);
    }

    private static LocalS3 startS3(SamTemplate template, LocalStackOptions options) {
        return LocalS3.start(options.s3DataDir(), template.bucketIds().stream().map(LocalS3::bucketName).toList());
    }

    private static RuntimeException closeAfterFailure(RuntimeException failure, AutoCloseable... closeables) {
        try {
            closeAll(closeables);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static RuntimeException startFailure(CompletableFuture<?>... starts) {
        RuntimeException failure = null;
        for (CompletableFuture<?> start : starts) {
            Throwable cause = start.handle((value, error) -> error).join();
            if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
                cause = wrapped.getCause();
            }
            if (cause == null) {
                continue;
            }
            if (failure == null) {
                failure = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            } else {
                failure.addSuppressed(cause);
            }
        }
        return failure;
    }

    /** Closes in the given order, keeps going past failures, and reports the first. */
    private static void closeAll(AutoCloseable... closeables) {
        RuntimeException failure = null;
        for (AutoCloseable closeable : closeables) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
