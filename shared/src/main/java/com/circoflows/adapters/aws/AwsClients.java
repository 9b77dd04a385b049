package com.circoflows.adapters.aws;

import com.circoflows.config.Settings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per container. The light url-connection HTTP client is named
 * explicitly so the SDK never scans the classpath for one; credentials come straight from the
 * variables Lambda sets, which skips the default provider chain's probing at cold start.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Settings settings, SdkHttpClient httpClient) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(region(settings))
                .credentialsProvider(credentials(settings));
        settings.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(Settings settings, SdkHttpClient httpClient) {
        var builder = SqsClient.builder()
                .httpClient(httpClient)
                .region(region(settings))
                .credentialsProvider(credentials(settings));
        settings.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create();
    }

    private static Region region(Settings settings) {
        return Region.of(settings.optional("AWS_REGION").orElse("us-east-1"));
    }

    private static AwsCredentialsProvider credentials(Settings settings) {
        Optional<String> keyId = settings.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = settings.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<String> token = settings.optional("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(keyId.get(), secret.get()));
    }
}
