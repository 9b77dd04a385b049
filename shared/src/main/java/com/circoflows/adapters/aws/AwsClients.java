package com.circoflows.adapters.aws;

import com.circoflows.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients once per container. The light url-connection HTTP client is named
 * explicitly so the SDK never scans the classpath for one; credentials come straight from the
 * variables Lambda sets, which skips the default provider chain's probing at cold start.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /** @param interceptors added to the client's own; none in production, failures to inject in tests */
    public static DynamoDbClient dynamoDb(Settings settings, SdkHttpClient httpClient,
            List<ExecutionInterceptor> interceptors) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(override -> override.executionInterceptors(interceptors)
                        .retryStrategy(dynamoDbRetries()));
        settings.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(Settings settings, SdkHttpClient httpClient, List<ExecutionInterceptor> interceptors) {
        var builder = SqsClient.builder()
                .httpClient(httpClient)
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(override -> override.executionInterceptors(interceptors));
        settings.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Only the functions that read the app secret have this client in their jar (see FunctionWiring). */
    public static SecretsManagerClient secretsManager(Settings settings, SdkHttpClient httpClient) {
        var builder = SecretsManagerClient.builder()
                .httpClient(httpClient)
                .region(region(settings))
                .credentialsProvider(credentials(settings));
        settings.optional("AWS_ENDPOINT_URL_SECRETS_MANAGER").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Throttling retried for about 2 s at most (4 attempts), where the SDK's DynamoDB default (9 attempts,
     * backoff up to 20 s) kept a throttled call going for 55 s in our fault tests, far past the 15 s
     * function timeout: the request then dies with a gateway 5xx instead of our 503, and holds its
     * Idempotency-Key until the lock runs out. The standard strategy's retry quota also stops retries
     * altogether while DynamoDB keeps throttling.
     */
    private static RetryStrategy dynamoDbRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(4)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(250)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(1)))
                .build();
    }

    /**
     * url-connection, chosen by measurement over AWS CRT (docs/adr/0002-url-connection-http-client.md), unless the JVM names another
     * implementation through the SDK's own system property ({@code software.amazon.awssdk.http.service.impl}):
     * that is how the cold-start benchmark measures CRT, with the CRT on its probe's classpath only, while
     * production code names no alternative. The class is loaded by name, never found by a classpath scan.
     */
    public static SdkHttpClient httpClient() {
        String service = System.getProperty(SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property());
        if (service == null) {
            return UrlConnectionHttpClient.create();
        }
        try {
            SdkHttpService named = (SdkHttpService) Class.forName(service).getDeclaredConstructor().newInstance();
            return named.createHttpClientBuilder().build();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot use the HTTP client named by "
                    + SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property() + ": " + service, e);
        }
    }

    /** AWS_REGION, as every client here takes it. */
    public static Region region(Settings settings) {
        return Region.of(settings.optional("AWS_REGION").orElse("us-east-1"));
    }

    /**
     * The function's own credentials: the variables Lambda sets, else the default chain (SnapStart
     * functions get theirs from the container's credential endpoint, not from variables).
     */
    public static AwsCredentialsProvider credentials(Settings settings) {
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
