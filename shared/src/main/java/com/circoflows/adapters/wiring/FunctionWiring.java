package com.circoflows.adapters.wiring;

import com.circoflows.adapters.lambda.DeadLetterBatch;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.api.MerchantApiPipeline;
import com.circoflows.api.payments.ConfirmThreeDSecureEndpoint;
import com.circoflows.api.payments.CreateDirectPaymentEndpoint;
import com.circoflows.api.sessions.CreateHostedPaymentEndpoint;
import com.circoflows.config.Settings;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.domain.webhook.WebhookSweeper;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Builds what one function needs from its environment, and nothing more, by area: {@link #api()} (the
 * pipeline in front of every /api route), {@link #payments()}, {@link #sessions()}, {@link #webhooks()},
 * {@link #keys()}; the clients, settings and per-container caches they share are {@link Infrastructure}'s.
 * Each part is created on first use, so the health function never builds an SQS client. Handlers call
 * this from their no-arg constructor, so a missing variable fails the cold start, not a customer's request.
 *
 * <p>A new function adds one factory to one area, named for the type it returns
 * ({@code CreateRefundEndpoint createRefundEndpoint()}); its handler calls that and nothing else.
 */
public final class FunctionWiring {
    private final Lazy<MerchantApiWiring> api;
    private final Lazy<PaymentWiring> payments;
    private final Lazy<SessionWiring> sessions;
    private final Lazy<WebhookWiring> webhooks;
    private final Lazy<KeyWiring> keys;
    private final Lazy<RefundWiring> refunds;
    private final Lazy<DashboardWiring> dashboard;
    private final Lazy<BrandingWiring> branding;
    private final Lazy<BankTransferWiring> bankTransfers;
    private final Lazy<WalletWiring> wallets;

    public FunctionWiring(Settings settings) {
        this(settings, Clock.systemUTC(), List.of());
    }

    /**
     * With a clock of the caller's and interceptors added to every SDK client: for tests that move time
     * on and make the real adapters' calls fail.
     */
    public FunctionWiring(Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
        Infrastructure shared = new Infrastructure(settings, clock, interceptors);
        this.api = new Lazy<>(() -> new MerchantApiWiring(shared));
        this.bankTransfers = new Lazy<>(() -> new BankTransferWiring(shared));
        this.wallets = new Lazy<>(() -> new WalletWiring(shared));
        this.payments = new Lazy<>(() -> new PaymentWiring(shared, bankTransfers(), wallets()));
        this.sessions = new Lazy<>(() -> new SessionWiring(shared, payments(), bankTransfers(), wallets()));
        this.webhooks = new Lazy<>(() -> new WebhookWiring(shared, payments()));
        this.keys = new Lazy<>(() -> new KeyWiring(shared));
        this.refunds = new Lazy<>(() -> new RefundWiring(shared, payments(), bankTransfers()));
        this.dashboard = new Lazy<>(() -> new DashboardWiring(shared, keys(), payments(), refunds(), webhooks(), sessions()));
        this.branding = new Lazy<>(() -> new BrandingWiring(shared));
    }

    public static FunctionWiring fromEnvironment() {
        return new FunctionWiring(Settings.fromEnvironment());
    }

    public MerchantApiWiring api() {
        return api.get();
    }

    public PaymentWiring payments() {
        return payments.get();
    }

    public SessionWiring sessions() {
        return sessions.get();
    }

    public WebhookWiring webhooks() {
        return webhooks.get();
    }

    public KeyWiring keys() {
        return keys.get();
    }

    public RefundWiring refunds() {
        return refunds.get();
    }

    public DashboardWiring dashboard() {
        return dashboard.get();
    }

    public BrandingWiring branding() {
        return branding.get();
    }

    public BankTransferWiring bankTransfers() {
        return bankTransfers.get();
    }

    public WalletWiring wallets() {
        return wallets.get();
    }

}
