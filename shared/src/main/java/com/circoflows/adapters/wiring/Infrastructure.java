package com.circoflows.adapters.wiring;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoBrandingRepository;
import com.circoflows.adapters.dynamodb.DynamoLogoStore;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoRateLimitCounter;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.secrets.SecretsManagerAppSecret;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.api.PublicUrls;
import com.circoflows.api.pages.PageTokens;
import com.circoflows.config.Settings;
import com.circoflows.domain.keys.AppSecretSource;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.branding.BrandingSettings;
import com.circoflows.domain.branding.LogoImageCache;
import com.circoflows.domain.branding.LogoStore;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.domain.webhook.WebhookEventRepository;
import com.circoflows.domain.webhook.WebhookJobQueue;
import com.circoflows.observability.ProcessMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every area's wiring shares: the settings and clock, the SDK clients, and the components one
 * container keeps once (caches, counters, derived keys), each built on first use so a function builds
 * only what its handler asks for. Area wirings take their parts from here and never build a client.
 */
final class Infrastructure {
    /** A revoked key must stop working within minutes, whatever the configuration. */
    private static final Duration MAX_KEY_CACHE_TTL = Duration.ofMinutes(5);

    private final Settings settings;
    private final Clock clock;
    private final List<ExecutionInterceptor> interceptors;

    private final Lazy<SdkHttpClient> httpClient = new Lazy<>(AwsClients::httpClient);
    private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(() ->
            AwsClients.dynamoDb(settings(), httpClient.get(), interceptors()));
    private final Lazy<SqsClient> sqs = new Lazy<>(new SqsClientFactory());
    /** Reads and updates transactions; inserting one fails loudly here (no search table to write its entries to). */
    private final Lazy<TransactionRepository> transactions = new Lazy<>(() -> new DynamoTransactionRepository(
            dynamoDb.get(), required("TRANSACTIONS_TABLE"), required("WEBHOOK_EVENTS_TABLE"), null));
    private final Lazy<WebhookJobQueue> webhookQueue = new Lazy<>(() ->
            new SqsWebhookJobQueue(sqs.get(), required("WEBHOOK_QUEUE_URL")));
    private final Lazy<TransactionWriter> transactionWriter = new Lazy<>(() -> new TransactionWriter(
            transactions.get(), webhookQueue.get(), webhookEndpoints(), clock(), ProcessMetrics.get()));
    /**
     * The writer of the functions that create payments: its inserts also write the payment's session
     * and metadata search entries, so only these functions are given TRANSACTION_SEARCH_TABLE.
     */
    private final Lazy<TransactionWriter> creatingTransactionWriter = new Lazy<>(() -> new TransactionWriter(
            new DynamoTransactionRepository(dynamoDb.get(), required("TRANSACTIONS_TABLE"),
                    required("WEBHOOK_EVENTS_TABLE"), required("TRANSACTION_SEARCH_TABLE")),
            webhookQueue.get(), webhookEndpoints(), clock(), ProcessMetrics.get()));
    private final Lazy<WebhookEventRepository> webhookEvents = new Lazy<>(() ->
            new DynamoWebhookEventRepository(dynamoDb.get(), required("WEBHOOK_EVENTS_TABLE")));
    private final Lazy<DerivedKeys> derivedKeys = new Lazy<>(() -> new DerivedKeys(appSecret().read()));
    private final Lazy<DynamoApiKeyRepository> apiKeys = new Lazy<>(() ->
            new DynamoApiKeyRepository(dynamoDb.get(), required("API_KEYS_TABLE")));
    /** One per container, shared by authentication and revocation, so a key revoked here is forgotten here at once. */
    private final Lazy<VerifiedKeyCache> verifiedKeys = new Lazy<>(() -> VerifiedKeyCache.withTtl(keyCacheTtl()));
    /** Counts every /api request, and carries revocation marks to the other containers (see KeyWiring). */
    /** One per container: a logo's id is its content's hash, so what is cached is never stale. */
    private final Lazy<LogoImageCache> pageLogos = new Lazy<>(() -> new LogoImageCache(logoStore(), 32));
    private final Lazy<RateLimiter> rateLimiter = new Lazy<>(() -> new RateLimiter(
            new DynamoRateLimitCounter(dynamoDb.get(), required("RATE_LIMITS_TABLE")), clock()));

    Infrastructure(Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.clock = clock;
        this.interceptors = List.copyOf(interceptors);
    }

    Clock clock() {
        return clock;
    }

    boolean localMode() {
        return settings.localMode();
    }

    String required(String name) {
        return settings.required(name);
    }

    /** A variable only some of the functions built with the same wiring are given. */
    java.util.Optional<String> optional(String name) {
        return settings.optional(name);
    }

    /** A variable holding whole seconds, or {@code otherwise} when it is not set. */
    Duration seconds(String variable, Duration otherwise) {
        return settings.optional(variable).map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(otherwise);
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    SqsClient sqs() {
        return sqs.get();
    }

    TransactionRepository transactions() {
        return transactions.get();
    }

    TransactionWriter transactionWriter() {
        return transactionWriter.get();
    }

    /** For creating payments (and everything else the writer does): see creatingTransactionWriter. */
    TransactionWriter creatingTransactionWriter() {
        return creatingTransactionWriter.get();
    }

    WebhookJobQueue webhookQueue() {
        return webhookQueue.get();
    }

    WebhookEventRepository webhookEvents() {
        return webhookEvents.get();
    }

    DynamoWebhookEndpointRepository webhookEndpoints() {
        return new DynamoWebhookEndpointRepository(dynamoDb.get(), required("MERCHANTS_TABLE"));
    }

    MerchantRepository merchants() {
        return new DynamoMerchantRepository(dynamoDb.get(), required("MERCHANTS_TABLE"));
    }

    /** The merchants' branding, kept on their items (ADR 0019), for a function that never touches a logo's image. */
    BrandingSettings brandingSettings() {
        return new BrandingSettings(new DynamoBrandingRepository(dynamoDb.get(), required("MERCHANTS_TABLE")),
                merchants());
    }

    /** The branding with the logos table (ADR 0021): for the functions that change the logo. */
    BrandingSettings brandingSettingsWithLogos() {
        return new BrandingSettings(new DynamoBrandingRepository(dynamoDb.get(), required("MERCHANTS_TABLE")),
                merchants(), logoStore());
    }

    /** The customer pages' branding: their logos read through this container's cache. */
    BrandingSettings pageBranding() {
        return new BrandingSettings(new DynamoBrandingRepository(dynamoDb.get(), required("MERCHANTS_TABLE")),
                merchants(), pageLogos.get());
    }

    LogoStore logoStore() {
        return new DynamoLogoStore(dynamoDb.get(), required("LOGOS_TABLE"), clock());
    }

    SdkHttpClient httpClient() {
        return httpClient.get();
    }

    Settings settings() {
        return settings;
    }

    DynamoApiKeyRepository apiKeys() {
        return apiKeys.get();
    }

    VerifiedKeyCache verifiedKeys() {
        return verifiedKeys.get();
    }

    RateLimiter rateLimiter() {
        return rateLimiter.get();
    }

    DerivedKeys derivedKeys() {
        return derivedKeys.get();
    }

    MerchantUrlPolicy merchantUrlPolicy() {
        return new MerchantUrlPolicy(settings.localMode());
    }

    PublicUrls publicUrls() {
        return new PublicUrls(settings.optional("PUBLIC_BASE_URL"));
    }

    /** The CSRF tokens of both customer-facing pages (payment page, 3-D Secure page). */
    PageTokens pageTokens() {
        return new PageTokens(derivedKeys.get().keyFor(DerivedKeys.PAGE_TOKEN), !settings.localMode());
    }

    /**
     * How long a verified key is trusted without reading the key table: the longest a key revoked
     * elsewhere may still work here should its revocation mark be lost.
     */
    Duration keyCacheTtl() {
        String raw = required("API_KEY_CACHE_TTL_SECONDS");
        try {
            long seconds = Long.parseLong(raw.trim());
            if (seconds >= 0 && seconds <= MAX_KEY_CACHE_TTL.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException("API_KEY_CACHE_TTL_SECONDS must be a whole number of seconds from 0 to "
                + MAX_KEY_CACHE_TTL.toSeconds() + ", got: " + raw);
    }

    /**
     * Read from Secrets Manager when the keys are first built, i.e. while the handler is constructed:
     * at cold start, or with SnapStart once per published version, before the snapshot. Locally the
     * stack's stand-in serves the runner's own secret the same way.
     */
    private AppSecretSource appSecret() {
        return new SecretsManagerAppSecret(new SecretsManagerClientFactory(), required("APP_SECRET_ARN"));
    }

    /** Another secret's text (the wallets' production keys), read once by whoever asks. */
    String secretText(String secretArn) {
        return new SecretsManagerAppSecret(new SecretsManagerClientFactory(), secretArn).read();
    }

    // The lazy fields' factories read the constructor's arguments through these (and settings()): a field
    // initializer may not name a final field the constructor has yet to assign.
    private List<ExecutionInterceptor> interceptors() {
        return interceptors;
    }

    /**
     * A class, not a lambda: creating a lambda whose body returns SqsClient loads SqsClient (the
     * lambda factory resolves the method's return type) as soon as Infrastructure is constructed, and
     * the functions that never queue a job leave the SQS client out of their jar.
     */
    private final class SqsClientFactory implements Supplier<SqsClient> {
        @Override
        public SqsClient get() {
            return AwsClients.sqs(settings, httpClient.get(), interceptors);
        }
    }

    /** A class for the same reason as SqsClientFactory: only three functions carry the Secrets Manager client. */
    private final class SecretsManagerClientFactory implements Supplier<SecretsManagerClient> {
        @Override
        public SecretsManagerClient get() {
            return AwsClients.secretsManager(settings, httpClient.get());
        }
    }
}
