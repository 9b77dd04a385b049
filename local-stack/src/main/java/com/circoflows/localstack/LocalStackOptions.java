package com.circoflows.localstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link LocalStack}. Start from {@link #defaults()} and change what differs.
 *
 * @param templatePath    the SAM template; null means {@link SamTemplate#locate()}
 * @param dynamoDbPort    0 picks a free port
 * @param sqsPort         0 picks a free port
 * @param dataDir         null keeps all data in memory; otherwise DynamoDB data persists in
 *                        {@code dataDir/dynamodb}, and queues with their messages in
 *                        {@code dataDir/elasticmq} (one such stack per JVM at a time)
 * @param parameterValues values for template parameters; missing ones take the template default
 * @param secretValues    values of the template's secrets by logical id; a missing one is made up
 */
public record LocalStackOptions(
        Path templatePath,
        int dynamoDbPort,
        int sqsPort,
        Path dataDir,
        String stackName,
        String region,
        Map<String, String> parameterValues,
        Map<String, String> secretValues) {

    public static final String DEFAULT_STACK_NAME = "circoflows-local";
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalStackOptions {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(region, "region");
        requirePort(dynamoDbPort, "dynamoDbPort");
        requirePort(sqsPort, "sqsPort");
        parameterValues = Collections.unmodifiableMap(new LinkedHashMap<>(
                parameterValues == null ? Map.of() : parameterValues));
        secretValues = Collections.unmodifiableMap(new LinkedHashMap<>(secretValues == null ? Map.of() : secretValues));
    }

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(null, 0, 0, null, DEFAULT_STACK_NAME, DEFAULT_REGION, Map.of(), Map.of());
    }

    public LocalStackOptions withTemplatePath(Path path) {
        return new LocalStackOptions(path, dynamoDbPort, sqsPort, dataDir, stackName, region, parameterValues, secretValues);
    }

    public LocalStackOptions withDynamoDbPort(int port) {
        return new LocalStackOptions(templatePath, port, sqsPort, dataDir, stackName, region, parameterValues, secretValues);
    }

    public LocalStackOptions withSqsPort(int port) {
        return new LocalStackOptions(templatePath, dynamoDbPort, port, dataDir, stackName, region, parameterValues, secretValues);
    }

    public LocalStackOptions withDataDir(Path dir) {
        return new LocalStackOptions(templatePath, dynamoDbPort, sqsPort, dir, stackName, region, parameterValues, secretValues);
    }

    public LocalStackOptions withStackName(String name) {
        return new LocalStackOptions(templatePath, dynamoDbPort, sqsPort, dataDir, name, region, parameterValues, secretValues);
    }

    public LocalStackOptions withRegion(String newRegion) {
        return new LocalStackOptions(templatePath, dynamoDbPort, sqsPort, dataDir, stackName, newRegion, parameterValues, secretValues);
    }

    public LocalStackOptions withParameterValues(Map<String, String> values) {
        return new LocalStackOptions(templatePath, dynamoDbPort, sqsPort, dataDir, stackName, region, values, secretValues);
    }

    public LocalStackOptions withParameter(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(parameterValues);
        values.put(name, value);
        return withParameterValues(values);
    }

    /** The value the local stack gives the template's secret {@code logicalId} (e.g. AppSecret). */
    public LocalStackOptions withSecret(String logicalId, String value) {
        Map<String, String> values = new LinkedHashMap<>(secretValues);
        values.put(logicalId, value);
        return new LocalStackOptions(templatePath, dynamoDbPort, sqsPort, dataDir, stackName, region, parameterValues,
                values);
    }

    /** Where DynamoDB Local keeps its files, or null when in memory. */
    public Path dynamoDbDataDir() {
        return dataDir == null ? null : dataDir.resolve("dynamodb");
    }

    /** Where ElasticMQ keeps its queues and messages, or null when in memory. */
    public Path sqsDataDir() {
        return dataDir == null ? null : dataDir.resolve("elasticmq");
    }

    /** Where the S3 stand-in keeps its buckets' objects (logo uploads), or null when in memory. */
    public Path s3DataDir() {
        return dataDir == null ? null : dataDir.resolve("s3");
    }

    /** Parameter and secret values are left out: some are secrets and options end up in logs. */
    @Override
    public String toString() {
        return "LocalStackOptions[templatePath=" + templatePath + ", dynamoDbPort=" + dynamoDbPort
                + ", sqsPort=" + sqsPort + ", dataDir=" + dataDir + ", stackName=" + stackName
                + ", region=" + region + ", parameters=" + parameterValues.keySet()
                + ", secrets=" + secretValues.keySet() + "]";
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (free port) or 1-65535, got " + port);
        }
    }
}
