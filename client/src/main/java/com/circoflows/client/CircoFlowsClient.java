package com.circoflows.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * The CircoFlows Payments API. Thread-safe; make one and share it.
 *
 * <pre>{@code
 * CircoFlowsClient client = CircoFlowsClient.builder().build();   // CIRCOFLOWS_API_KEY, CIRCOFLOWS_BASE_URL
 * Payment payment = client.payments().create(CardPaymentParams.builder()...build());
 * }</pre>
 */
public final class CircoFlowsClient {
    static final String DEFAULT_BASE_URL = "http://localhost:3000";

    private final PaymentService payments;
    private final RefundService refunds;
    private final SessionService sessions;
    private final WebhookEndpointService webhookEndpoint;
    private final EventService events;
    private final ApiKeyService apiKeys;
    private final BankCreditService bankCredits;
    private final TestHelperService testHelpers;
    private final BrandingService branding;
    private final HealthService health;

    private CircoFlowsClient(ApiRequestor requestor) {
        this.payments = new PaymentService(requestor);
        this.refunds = new RefundService(requestor);
        this.sessions = new SessionService(requestor);
        this.webhookEndpoint = new WebhookEndpointService(requestor);
        this.events = new EventService(requestor);
        this.apiKeys = new ApiKeyService(requestor);
        this.bankCredits = new BankCreditService(requestor);
        this.testHelpers = new TestHelperService(requestor);
        this.branding = new BrandingService(requestor);
        this.health = new HealthService(requestor);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PaymentService payments() {
        return payments;
    }

    public RefundService refunds() {
        return refunds;
    }

    /** Hosted payment sessions. */
    public SessionService sessions() {
        return sessions;
    }

    public WebhookEndpointService webhookEndpoint() {
        return webhookEndpoint;
    }

    /** Webhook events and their deliveries. */
    public EventService events() {
        return events;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** Held bank transfer credits. */
    public BankCreditService bankCredits() {
        return bankCredits;
    }

    /** Test mode only. */
    public TestHelperService testHelpers() {
        return testHelpers;
    }

    public BrandingService branding() {
        return branding;
    }

    public HealthService health() {
        return health;
    }

    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxNetworkRetries = 2;
        private Sleeper sleeper = Sleeper.REAL;
        private Random random = new SecureRandom();
        private Function<String, String> environment = System::getenv;

        private Builder() {
        }

        /** {@code cf_test_…} or {@code cf_live_…}; default the environment's {@code CIRCOFLOWS_API_KEY}. */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /** Default the environment's {@code CIRCOFLOWS_BASE_URL}, else {@value #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connect timeout");
            return this;
        }

        /** For one attempt; a timed-out POST is retried with its idempotency key. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = positive(value, "request timeout");
            return this;
        }

        /** Retries after the first attempt (default 2); 0 turns them off. */
        public Builder maxNetworkRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxNetworkRetries must be 0 or more");
            }
            maxNetworkRetries = value;
            return this;
        }

        /** Tests: waits between retries without sleeping. */
        Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** Tests: the jitter's random source. */
        Builder random(Random value) {
            random = Objects.requireNonNull(value);
            return this;
        }

        /** Tests: the environment variables read for defaults. */
        Builder environment(Function<String, String> value) {
            environment = Objects.requireNonNull(value);
            return this;
        }

        public CircoFlowsClient build() {
            String key = apiKey != null ? apiKey : environment.apply("CIRCOFLOWS_API_KEY");
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("No API key: call apiKey(...) or set CIRCOFLOWS_API_KEY");
            }
            String url = baseUrl != null ? baseUrl : environment.apply("CIRCOFLOWS_BASE_URL");
            if (url == null || url.isBlank()) {
                url = DEFAULT_BASE_URL;
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            ApiRequestor requestor = new ApiRequestor(http, URI.create(url.trim()).toString(), key.trim(), requestTimeout,
                    new RetryPolicy(maxNetworkRetries, random), sleeper);
            return new CircoFlowsClient(requestor);
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        }
    }
}
