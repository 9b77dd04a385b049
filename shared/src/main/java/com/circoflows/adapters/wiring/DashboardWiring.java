package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoDashboardSessionRepository;
import com.circoflows.adapters.dynamodb.DynamoDashboardUserRepository;
import com.circoflows.adapters.dynamodb.DynamoLoginAttemptStore;
import com.circoflows.adapters.s3.S3LogoUploads;
import com.circoflows.dashboard.AccountPages;
import com.circoflows.dashboard.ApiKeyPages;
import com.circoflows.dashboard.BrandingPages;
import com.circoflows.dashboard.DashboardApp;
import com.circoflows.dashboard.DashboardArea;
import com.circoflows.dashboard.DashboardCookies;
import com.circoflows.dashboard.DashboardTimes;
import com.circoflows.dashboard.DeliveryLog;
import com.circoflows.dashboard.PaymentPages;
import com.circoflows.dashboard.SessionPages;
import com.circoflows.dashboard.SignInPages;
import com.circoflows.dashboard.TeamPages;
import com.circoflows.dashboard.WebhookPages;
import com.circoflows.dashboard.VisitorFormTokens;
import com.circoflows.domain.branding.upload.BrandingLogos;
import com.circoflows.domain.dashboard.DashboardAccounts;
import com.circoflows.domain.dashboard.DashboardSessionRepository;
import com.circoflows.domain.dashboard.DashboardSessionTokens;
import com.circoflows.domain.dashboard.DashboardTeam;
import com.circoflows.domain.dashboard.DashboardUserRepository;
import com.circoflows.domain.dashboard.LoginThrottle;
import com.circoflows.domain.dashboard.PasswordHasher;
import com.circoflows.domain.dashboard.PasswordPolicy;
import com.circoflows.domain.dashboard.Totp;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.webhook.WebhookEventQueries;
import java.security.SecureRandom;
import java.util.List;

/**
 * The merchant dashboard's functions: each serves one area of pages ({@link #accountPages()},
 * {@link #settingsPages()}, {@link #paymentPages()}), every one of them signing people in the same way.
 */
public final class DashboardWiring {
    private final Infrastructure infrastructure;
    private final KeyWiring keys;
    private final PaymentWiring payments;
    private final RefundWiring refunds;
    private final WebhookWiring webhooks;
    private final SessionWiring sessionWiring;
    private final Lazy<DashboardAccounts> accounts;
    private final Lazy<DashboardUserRepository> users;
    private final Lazy<DashboardSessionRepository> sessions;
    private final Lazy<PasswordHasher> hasher;
    private final DashboardCookies cookies;
    private final DashboardTimes times = new DashboardTimes();

    DashboardWiring(Infrastructure infrastructure, KeyWiring keys, PaymentWiring payments, RefundWiring refunds,
            WebhookWiring webhooks, SessionWiring sessionWiring) {
        this.infrastructure = infrastructure;
        this.keys = keys;
        this.payments = payments;
        this.refunds = refunds;
        this.webhooks = webhooks;
        this.sessionWiring = sessionWiring;
        this.cookies = new DashboardCookies(!infrastructure.localMode());
        this.users = new Lazy<>(() -> new DynamoDashboardUserRepository(infrastructure.dynamoDb(),
                infrastructure.required("DASHBOARD_USERS_TABLE")));
        this.sessions = new Lazy<>(() -> new DynamoDashboardSessionRepository(infrastructure.dynamoDb(),
                infrastructure.required("DASHBOARD_SESSIONS_TABLE")));
        this.hasher = new Lazy<>(() -> new PasswordHasher(passwordCost()));
        this.accounts = new Lazy<>(this::newAccounts);
    }

    /** Sign-up, sign-in, sign-out, the person's own account and the team. */
    public DashboardApp accountPages() {
        return app(List.of(new SignInPages(accounts.get(), cookies), new AccountPages(accounts.get(), cookies, times),
                new TeamPages(team(), times)));
    }

    /** API keys, webhooks and branding (with the logo's uploads). */
    public DashboardApp settingsPages() {
        // A revocation marks the key's rate-limit buckets: its table is named now, so a missing variable
        // fails the cold start rather than a revocation.
        infrastructure.rateLimiter();
        return app(List.of(new ApiKeyPages(keys.apiKeyManagement(), times),
                new WebhookPages(webhooks.webhookEndpointService(), new WebhookEventQueries(infrastructure.webhookEvents()),
                        webhooks.webhookRedelivery(), webhooks.webhookTestSender(), accounts.get(), deliveryLog(), times,
                        infrastructure.clock()),
                new BrandingPages(infrastructure.brandingSettingsWithLogos(), brandingLogos(), infrastructure.publicUrls())));
    }

    /** Logo uploads (ADR 0021): their classes are in the settings function's jar only, so only this names them. */
    private BrandingLogos brandingLogos() {
        return new BrandingLogos(S3LogoUploads.fromSettings(infrastructure.settings(), infrastructure.httpClient(),
                infrastructure.clock()), infrastructure.brandingSettingsWithLogos(), infrastructure.clock());
    }

    /** Payments and hosted payment sessions. */
    public DashboardApp paymentPages() {
        return app(List.of(new PaymentPages(payments.transactionListQueries(),
                new TransactionQueries(infrastructure.transactions()), payments.authorizationService(),
                refunds.refundService(), refunds.refundQueries(), deliveryLog(), times),
                new SessionPages(sessionWiring.sessionListQueries(), sessionWiring.hostedPaymentService(), times,
                        infrastructure.clock())));
    }

    private DeliveryLog deliveryLog() {
        return new DeliveryLog(new WebhookEventQueries(infrastructure.webhookEvents()), times);
    }

    DashboardTeam team() {
        return new DashboardTeam(users.get(), sessions.get(), hasher.get(), infrastructure.clock());
    }

    private DashboardApp app(List<DashboardArea> areas) {
        return new DashboardApp(accounts.get(), sessionTokens(),
                new VisitorFormTokens(() -> infrastructure.derivedKeys().keyFor(DerivedKeys.DASHBOARD_VISITOR_FORM)), cookies,
                infrastructure.merchants(), !infrastructure.localMode(), areas);
    }

    private DashboardAccounts newAccounts() {
        MerchantOnboarding onboarding = new MerchantOnboarding(infrastructure.merchants(),
                new ApiKeyIssuer(infrastructure.apiKeys(), new Sha256SecretHasher(), infrastructure.clock()),
                infrastructure.clock());
        return new DashboardAccounts(users.get(), sessions.get(), onboarding, new PasswordPolicy(), hasher.get(),
                new LoginThrottle(new DynamoLoginAttemptStore(infrastructure.dynamoDb(),
                        infrastructure.required("LOGIN_ATTEMPTS_TABLE"), infrastructure.clock()), infrastructure.clock()),
                sessionTokens(), Totp.standard(), infrastructure.clock());
    }

    private DashboardSessionTokens sessionTokens() {
        return new DashboardSessionTokens(new SecureRandom(), infrastructure.clock());
    }

    /**
     * bcrypt's cost (template: 12, ADR 0016). The end-to-end suite signs in hundreds of times on two cores
     * and runs with a lower one; the production minimum is enforced here.
     */
    private int passwordCost() {
        String raw = infrastructure.required("DASHBOARD_PASSWORD_COST");
        try {
            int cost = Integer.parseInt(raw.trim());
            int floor = infrastructure.localMode() ? 4 : PasswordHasher.PRODUCTION_COST;
            if (cost >= floor && cost <= 16) {
                return cost;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException("DASHBOARD_PASSWORD_COST must be a whole number from "
                + (infrastructure.localMode() ? 4 : PasswordHasher.PRODUCTION_COST) + " to 16, got: " + raw);
    }
}
