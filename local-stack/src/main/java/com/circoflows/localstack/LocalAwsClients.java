package com.circoflows.localstack;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for the local servers. Credentials and region are fixed dummies so that nothing is
 * read from the developer's AWS profile, and the HTTP client is explicit because the classpath
 * here also carries the Apache and Netty clients (pulled in by DynamoDB Local).
 */
public final class LocalAwsClients {

    public static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalAwsClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .build();
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .build();
    }
}
