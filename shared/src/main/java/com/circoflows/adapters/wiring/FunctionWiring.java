package com.circoflows.adapters.wiring;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.adapters.aws.SqsRequestTypes;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoGatewayLedger;
import com.circoflows.adapters.dynamodb.DynamoIdempotencyStore;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoPaymentSessionRepository;
import com.circoflows.adapters.dynamodb.DynamoRateLimitCounter;
import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.secrets.SecretsManagerAppSecret;
import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.circoflows.adapters.lambda.MerchantApiPriming;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.PublicUrls;
import com.circoflows.api.health.HealthEndpoint;
import com.circoflows.api.keys.CreateApiKeyEndpoint;
import com.circoflows.api.keys.ListApiKeysEndpoint;
import com.circoflows.api.keys.RevokeApiKeyEndpoint;
import com.circoflows.api.pages.PageTokens;
import com.circoflows.api.pages.PaymentPage;
import com.circoflows.api.pages.ThreeDSecurePage;
import com.circoflows.api.payments.ConfirmThreeDSecureEndpoint;
import com.circoflows.api.payments.CreateDirectPaymentEndpoint;
import com.circoflows.api.payments.DirectPaymentRequestParser;
import com.circoflows.api.payments.GetDirectPaymentEndpoint;
import com.circoflows.api.sessions.CancelHostedPaymentEndpoint;
import com.circoflows.api.sessions.CreateHostedPaymentEndpoint;
import com.circoflows.api.sessions.GetHostedPaymentEndpoint;
import com.circoflows.api.sessions.HostedPaymentRequestParser;
import com.circoflows.config.Settings;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayLedger;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.keys.AppSecretSource;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.ApiKeyAuthenticator;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.ApiKeyManagement;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.MerchantRepository;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.merchant.VerifiedKeyCache;
import com.circoflows.domain.payment.DirectPaymentService;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionRepository;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.ratelimit.RateLimiter;
import com.circoflows.domain.risk.CachedRiskSettings;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.session.DeclineLimits;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.domain.url.MerchantUrlPolicy;
import com.circoflows.adapters.dynamodb.DynamoWebhookEndpointRepository;
import com.circoflows.adapters.dynamodb.DynamoWebhookEventRepository;
import com.circoflows.adapters.http.GuardedWebhookTransport;
import com.circoflows.adapters.lambda.DeadLetterBatch;
import com.circoflows.adapters.lambda.ScheduledSweepRun;
import com.circoflows.domain.sweep.ScheduledSweep;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.api.webhooks.ExpirePreviousWebhookSecretEndpoint;
import com.circoflows.api.webhooks.GetWebhookEventEndpoint;
import com.circoflows.api.webhooks.ListWebhookEventsEndpoint;
import com.circoflows.api.webhooks.RedeliverWebhookEventEndpoint;
import com.circoflows.api.webhooks.RotateWebhookSecretEndpoint;
import com.circoflows.api.webhooks.SetWebhookEndpointEndpoint;
import com.circoflows.domain.webhook.DeadLetteredEvents;
import com.circoflows.domain.webhook.RetrySchedule;
import com.circoflows.domain.webhook.WebhookDeliveryService;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEventQueries;
import com.circoflows.domain.webhook.WebhookRedelivery;
import com.circoflows.domain.webhook.WebhookEventRepository;
import com.circoflows.domain.webhook.WebhookJobQueue;
import com.circoflows.domain.webhook.WebhookSweeper;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.observability.ProcessMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds what one function needs from its environment, and nothing more: each part is created on
 * first use, so the health function never builds an SQS client. Handlers call this from their
 * no-arg constructor, so a missing variable fails the cold start, not a customer's request.
 */
public final class FunctionWiring {
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** One thread per message of a full SQS batch. */
    private static final int DELIVERY_THREADS = 10;
    /** A revoked key must stop working within minutes, whatever the configuration. */
    private static final Duration MAX_KEY_CACHE_TTL = Duration.ofMinutes(5);
    /**
     * A revocation's mark outlives the key cache's TTL by this much: a container that read the key
     * as active just before the revocation may cache it a moment later (its verification in flight).
     */
    private static final Duration REVOCATION_MARK_MARGIN = Duration.ofSeconds(10);
    private final Settings settings;
    private final Clock clock;
    private final List<ExecutionInterceptor> interceptors;

    private final Lazy<SdkHttpClient> httpClient = new Lazy<>(() -> AwsClients.httpClient());
    private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(() ->
            AwsClients.dynamoDb(settings(), httpClient.get(), interceptors()));
    private final Lazy<SqsClient> sqs = new Lazy<>(new SqsClientFactory());
    private final Lazy<MerchantApiPipeline> pipeline = new Lazy<>(() -> buildPipeline(false));
    private final Lazy<MerchantApiPipeline> writePipeline = new Lazy<>(() -> buildPipeline(true));
    private final Lazy<TransactionRepository> transactions = new Lazy<>(() -> new DynamoTransactionRepository(
            dynamoDb.get(), required("TRANSACTIONS_TABLE"), required("WEBHOOK_EVENTS_TABLE")));
    private final Lazy<WebhookJobQueue> webhookQueue = new Lazy<>(() ->
            new SqsWebhookJobQueue(sqs.get(), required("WEBHOOK_QUEUE_URL")));
    private final Lazy<TransactionWriter> writer = new Lazy<>(() -> new TransactionWriter(transactions.get(),
            webhookQueue.get(), webhookEndpoints(), clock(), ProcessMetrics.get()));
    private final Lazy<WebhookEventRepository> webhookEvents = new Lazy<>(() ->
            new DynamoWebhookEventRepository(dynamoDb.get(), required("WEBHOOK_EVENTS_TABLE")));
    private final Lazy<DerivedKeys> keys = new Lazy<>(() -> new DerivedKeys(appSecret().read()));
    private final Lazy<DynamoApiKeyRepository> apiKeys = new Lazy<>(() ->
            new DynamoApiKeyRepository(dynamoDb.get(), required("API_KEYS_TABLE")));
    /** One per container, shared by authentication and revocation, so a key revoked here is forgotten here at once. */
    private final Lazy<VerifiedKeyCache> verifiedKeys = new Lazy<>(() -> VerifiedKeyCache.withTtl(keyCacheTtl()));
    /** Counts every /api request, and carries revocation marks to the other containers (see markRevoked). */
    private final Lazy<RateLimiter> rateLimiter = new Lazy<>(() -> new RateLimiter(
            new DynamoRateLimitCounter(dynamoDb.get(), required("RATE_LIMITS_TABLE")), clock()));
    private final Lazy<CardFingerprinter> fingerprinter = new Lazy<>(() ->
            new CardFingerprinter(keys.get().keyFor(DerivedKeys.CARD_FINGERPRINT)));
    /** One per container, so its settings cache serves every request the container handles. */
    private final Lazy<FraudScreen> fraudScreen = new Lazy<>(() -> FraudScreen.standard(fingerprinter.get(),
            new DynamoRateLimitCounter(dynamoDb.get(), required("RISK_COUNTERS_TABLE")),
            CachedRiskSettings.withDefaultTtl(
                    new DynamoRiskSettingsRepository(dynamoDb.get(), required("MERCHANTS_TABLE")))));
    private final Lazy<GatewayLedger> gatewayLedger = new Lazy<>(() ->
            new DynamoGatewayLedger(dynamoDb.get(), required("GATEWAY_AUTHORIZATIONS_TABLE")));
    private final Lazy<CardGateway> gateway = new Lazy<>(() -> new TestModeCardGateway(gatewayLedger.get(), clock()));

    public FunctionWiring(Settings settings) {
        this(settings, Clock.systemUTC(), List.of());
    }

    /**
     * With a clock of the caller's and interceptors added to every SDK client: for tests that move time
     * on and make the real adapters' calls fail.
     */
    public FunctionWiring(Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.clock = clock;
        this.interceptors = List.copyOf(interceptors);
    }

    public static FunctionWiring fromEnvironment() {
        return new FunctionWiring(Settings.fromEnvironment());
    }

    /** The pipeline of a read-only /api route. */
    public MerchantApiPipeline merchantApi() {
        return pipeline.get();
    }

    /** The pipeline of an /api route that writes (POST, PUT): it honours Idempotency-Key (IDEMPOTENCY_TABLE). */
    public MerchantApiPipeline writingMerchantApi() {
        return writePipeline.get();
    }

    public HealthEndpoint healthEndpoint() {
        return new HealthEndpoint(clock);
    }

    public CreateDirectPaymentEndpoint createDirectPaymentEndpoint() {
        DirectPaymentService payments = new DirectPaymentService(paymentEngine(), writer.get());
        return new CreateDirectPaymentEndpoint(directPaymentRequestParser(), payments, publicUrls());
    }

    /** SnapStart's priming for POST /api/direct-payment: it also parses the made-up request, as the endpoint would, and builds a job's SendMessage. */
    public Runnable createDirectPaymentPriming() {
        MerchantApiPriming priming = new MerchantApiPriming(apiKeys.get(), directPaymentRequestParser()::parse);
        return () -> {
            priming.run();
            SqsRequestTypes.loadSend();
        };
    }

    private DirectPaymentRequestParser directPaymentRequestParser() {
        return new DirectPaymentRequestParser(new MerchantUrlPolicy(settings.localMode()), clock);
    }

    /** SnapStart's priming for an /api function: the key lookup and the JSON path, its body only read as JSON. */
    public Runnable merchantApiPriming() {
        return new MerchantApiPriming(apiKeys.get(), MerchantApiPriming.JSON_ONLY);
    }

    public GetDirectPaymentEndpoint getDirectPaymentEndpoint() {
        return new GetDirectPaymentEndpoint(new TransactionQueries(
                DynamoTransactionRepository.readOnly(dynamoDb.get(), required("TRANSACTIONS_TABLE"))), publicUrls());
    }

    public SetWebhookEndpointEndpoint setWebhookEndpoint() {
        return new SetWebhookEndpointEndpoint(webhookEndpointService());
    }

    public RotateWebhookSecretEndpoint rotateWebhookSecret() {
        return new RotateWebhookSecretEndpoint(webhookEndpointService());
    }

    public ExpirePreviousWebhookSecretEndpoint expirePreviousWebhookSecret() {
        return new ExpirePreviousWebhookSecretEndpoint(webhookEndpointService());
    }

    public ListWebhookEventsEndpoint listWebhookEvents() {
        return new ListWebhookEventsEndpoint(new WebhookEventQueries(webhookEvents.get()));
    }

    public GetWebhookEventEndpoint getWebhookEvent() {
        return new GetWebhookEventEndpoint(new WebhookEventQueries(webhookEvents.get()));
    }

    public RedeliverWebhookEventEndpoint redeliverWebhookEvent() {
        return new RedeliverWebhookEventEndpoint(new WebhookRedelivery(webhookEvents.get(), webhookQueue.get()));
    }

    public CreateApiKeyEndpoint createApiKey() {
        return new CreateApiKeyEndpoint(apiKeyManagement());
    }

    public ListApiKeysEndpoint listApiKeys() {
        return new ListApiKeysEndpoint(apiKeyManagement());
    }

    public RevokeApiKeyEndpoint revokeApiKey() {
        return new RevokeApiKeyEndpoint(apiKeyManagement());
    }

    /**
     * A revocation marks the key's rate-limit buckets for as long as any container may still hold a
     * verification of it (every function has the template's one API_KEY_CACHE_TTL_SECONDS), so the
     * next request with it anywhere learns of it from the count it makes anyway.
     */
    private ApiKeyManagement apiKeyManagement() {
        ApiKeyIssuer issuer = new ApiKeyIssuer(apiKeys.get(), new Sha256SecretHasher(), clock);
        Duration markedFor = keyCacheTtl().plus(REVOCATION_MARK_MARGIN);
        return new ApiKeyManagement(apiKeys.get(), issuer, verifiedKeys.get(),
                keyId -> rateLimiter.get().markRevoked(keyId, markedFor), clock);
    }

    public WebhookJobBatch webhookJobBatch() {
        WebhookDeliveryService delivery = new WebhookDeliveryService(webhookEvents.get(), webhookEndpoints(),
                new GuardedWebhookTransport(settings.localMode(), WEBHOOK_TIMEOUT), new WebhookSigner(),
                RetrySchedule.parse(required("WEBHOOK_RETRY_SCHEDULE")), clock, RandomGenerator.getDefault(),
                ProcessMetrics.get());
        return new WebhookJobBatch(delivery, sqs.get(), required("WEBHOOK_QUEUE_URL"),
                Executors.newFixedThreadPool(DELIVERY_THREADS, FunctionWiring::deliveryThread));
    }

    public DeadLetterBatch deadLetterBatch() {
        return new DeadLetterBatch(new DeadLetteredEvents(webhookEvents.get(), clock));
    }

    public WebhookSweeper webhookSweeper() {
        return new WebhookSweeper(webhookEvents.get(), webhookQueue.get(), clock,
                seconds("WEBHOOK_SWEEP_GRACE_SECONDS", WebhookSweeper.GRACE));
    }

    /** The sweeper function's minutely run: requeue lost webhook jobs, reconcile the gateway's authorisations. */
    public ScheduledSweepRun scheduledSweepRun() {
        return scheduledSweepRun(webhookSweeper(), authorizationReconciler());
    }

    /** For tests that build the two halves with their own clock and faults. */
    public static ScheduledSweepRun scheduledSweepRun(WebhookSweeper sweeper, AuthorizationReconciler reconciler) {
        return new ScheduledSweepRun(new ScheduledSweep(sweeper, reconciler));
    }

    /** Runs with the webhook sweeper: voids the gateway's authorisations that no transaction records. */
    public AuthorizationReconciler authorizationReconciler() {
        return new AuthorizationReconciler(gatewayLedger.get(),
                DynamoTransactionRepository.readOnly(dynamoDb.get(), required("TRANSACTIONS_TABLE")), clock,
                seconds("GATEWAY_RECONCILIATION_GRACE_SECONDS", AuthorizationReconciler.GRACE));
    }

    private Duration seconds(String variable, Duration otherwise) {
        return settings.optional(variable).map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(otherwise);
    }

    private WebhookEndpointService webhookEndpointService() {
        return new WebhookEndpointService(webhookEndpoints(), new MerchantUrlPolicy(settings.localMode()), clock);
    }

    private DynamoWebhookEndpointRepository webhookEndpoints() {
        return new DynamoWebhookEndpointRepository(dynamoDb.get(), required("MERCHANTS_TABLE"));
    }

    public ConfirmThreeDSecureEndpoint confirmThreeDSecureEndpoint() {
        return new ConfirmThreeDSecureEndpoint(threeDSecureService(), publicUrls());
    }

    /** The challenge page records the customer's answer and never reaches the gateway. */
    public ThreeDSecurePage threeDSecurePage() {
        return new ThreeDSecurePage(new ThreeDSecureChallenges(transactions.get(), writer.get(), clock), merchants(),
                pageTokens(), !settings.localMode());
    }

    public CreateHostedPaymentEndpoint createHostedPaymentEndpoint() {
        return new CreateHostedPaymentEndpoint(new HostedPaymentRequestParser(new MerchantUrlPolicy(settings.localMode())),
                hostedPaymentService(), publicUrls());
    }

    public GetHostedPaymentEndpoint getHostedPaymentEndpoint() {
        return new GetHostedPaymentEndpoint(hostedPaymentService());
    }

    public CancelHostedPaymentEndpoint cancelHostedPaymentEndpoint() {
        return new CancelHostedPaymentEndpoint(hostedPaymentService());
    }

    /** The hosted payment page, paying through the same engine as direct payments. */
    public PaymentPage paymentPage() {
        return new PaymentPage(sessionCheckout(), pageTokens(), clock, !settings.localMode());
    }

    /** What the payment page pays with (also for tests that pay a session without the page's HTML). */
    public SessionCheckoutService sessionCheckout() {
        return new SessionCheckoutService(
                new DynamoPaymentSessionRepository(dynamoDb.get(), required("PAYMENT_SESSIONS_TABLE"),
                        required("TRANSACTIONS_TABLE"), required("WEBHOOK_EVENTS_TABLE")),
                transactions.get(), paymentEngine(), threeDSecureService(), writer.get(), merchants(),
                new DynamoRateLimitCounter(dynamoDb.get(), required("RISK_COUNTERS_TABLE")), pageDeclinesPerAddress(),
                clock);
    }

    /**
     * The payment page's declines per client address and hour (template: {@link DeclineLimits#PER_ADDRESS});
     * the end-to-end suite, every browser of which is 127.0.0.1, raises it.
     */
    private int pageDeclinesPerAddress() {
        String raw = required("PAGE_DECLINES_PER_ADDRESS");
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException("PAGE_DECLINES_PER_ADDRESS must be a whole number of at least 1, got: " + raw);
    }

    /** Merchant operations on sessions only touch the sessions table. */
    private HostedPaymentService hostedPaymentService() {
        return new HostedPaymentService(
                DynamoPaymentSessionRepository.sessionsOnly(dynamoDb.get(), required("PAYMENT_SESSIONS_TABLE")), clock);
    }

    private PageTokens pageTokens() {
        return new PageTokens(keys.get().keyFor(DerivedKeys.PAGE_TOKEN), !settings.localMode());
    }

    private PaymentEngine paymentEngine() {
        return new PaymentEngine(gateway.get(), fraudScreen.get(), fingerprinter.get(), clock);
    }

    private ThreeDSecureService threeDSecureService() {
        return new ThreeDSecureService(gateway.get(), transactions.get(), writer.get(), clock);
    }

    private MerchantRepository merchants() {
        return new DynamoMerchantRepository(dynamoDb.get(), required("MERCHANTS_TABLE"));
    }

    private MerchantApiPipeline buildPipeline(boolean idempotent) {
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(apiKeys.get(), new Sha256SecretHasher(),
                new BcryptSecretHasher(BcryptSecretHasher.PRODUCTION_COST), verifiedKeys.get(), clock);
        if (!idempotent) {
            return new MerchantApiPipeline(authenticator, rateLimiter.get());
        }
        return new MerchantApiPipeline(authenticator, rateLimiter.get(),
                new DynamoIdempotencyStore(dynamoDb.get(), required("IDEMPOTENCY_TABLE")), clock);
    }

    /**
     * How long a verified key is trusted without reading the key table: the longest a key revoked
     * elsewhere may still work here should its revocation mark be lost.
     */
    private Duration keyCacheTtl() {
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

    private PublicUrls publicUrls() {
        return new PublicUrls(settings.optional("PUBLIC_BASE_URL"));
    }

    // The lazy fields' factories read the constructor's arguments through these: a field initializer may
    // not name a final field the constructor has yet to assign.
    private Settings settings() {
        return settings;
    }

    private Clock clock() {
        return clock;
    }

    private List<ExecutionInterceptor> interceptors() {
        return interceptors;
    }

    private String required(String name) {
        return settings.required(name);
    }

    /**
     * A class, not a lambda: creating a lambda whose body returns SqsClient loads SqsClient (the
     * lambda factory resolves the method's return type) as soon as FunctionWiring is constructed, and
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

    /** Daemon: a batch waits for its deliveries itself, and an idle pool must not keep a JVM (a tool, a test) alive. */
    private static Thread deliveryThread(Runnable work) {
        Thread thread = new Thread(work, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    }

    /** Memoises one component; construction happens on the handler's init thread. */
    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }
}
