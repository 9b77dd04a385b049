package com.circoflows.testing;

import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.CollectionDetails;
import com.circoflows.domain.banktransfer.TransferNumbers;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayAuthorization;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.session.CheckoutForm;
import com.circoflows.domain.session.DeclineLimits;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.NewPaymentSession;
import com.circoflows.domain.session.PaymentSession;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.domain.wallet.WalletTokens;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hosted sessions wired to in-memory ports, the real engine, fraud screen and test-mode gateway
 * (observable: it counts authorisations and can run code while "charging"), and a clock tests move.
 * Merchants A and B of {@link PaymentWorld} are registered.
 */
public final class SessionWorld {
    public static final AuthenticatedKey MERCHANT_A = PaymentWorld.MERCHANT_A;
    public static final AuthenticatedKey MERCHANT_B = PaymentWorld.MERCHANT_B;
    public static final String WEBHOOK_URL = "https://merchant.example/webhooks/payment";
    public static final String RETURN_URL = "https://merchant.example/payment/success?order=ORD-7";
    public static final String CLIENT_ADDRESS = "198.51.100.23";

    public final MutableClock clock = MutableClock.atTestNow();
    public final InMemoryTransactionRepository transactions = new InMemoryTransactionRepository();
    public final InMemoryPaymentSessionRepository sessions = new InMemoryPaymentSessionRepository(transactions);
    public final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    public final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    public final CardFingerprinter fingerprinter = TestCardData.fingerprinter();
    public final InMemoryRateLimitCounter riskCounters = new InMemoryRateLimitCounter();
    public final InMemoryRiskSettingsRepository riskSettings = new InMemoryRiskSettingsRepository();
    public final InMemoryGatewayLedger ledger = new InMemoryGatewayLedger();
    public final ObservedGateway gateway = new ObservedGateway(new TestModeCardGateway(ledger, clock));
    /** Both merchants have an endpoint set, so their events are queued. */
    public final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    public final TransactionWriter writer = new TransactionWriter(transactions, queue, endpoints, clock);
    public final PaymentEngine engine = new PaymentEngine(gateway,
            FraudScreen.standard(fingerprinter, riskCounters, riskSettings), fingerprinter, clock);
    public final ThreeDSecureService threeDSecure = new ThreeDSecureService(gateway, transactions, writer, clock);
    public final ThreeDSecureChallenges challenges = new ThreeDSecureChallenges(transactions, writer, clock);
    public final HostedPaymentService hostedPayments = new HostedPaymentService(sessions, clock);
    /** The page's declines per client address; {@link #form} submits from {@link #CLIENT_ADDRESS}. */
    public final InMemoryRateLimitCounter declineCounters = new InMemoryRateLimitCounter();
    /** Transfer numbers the page's bank transfers claimed. */
    public final BankTransferWorld.Claims transferNumbers = new BankTransferWorld.Claims();
    public final BankTransferPayments bankTransfers = new BankTransferPayments(new TransferNumbers(transferNumbers),
            CollectionDetails.TEST_MODE, writer, clock);
    /** Wallet tokens the page's wallet payments claimed. */
    public final InMemoryWalletTokenClaims walletClaims = new InMemoryWalletTokenClaims();
    /** Test mode's keys (as deployed); live mode has none. */
    public final WalletTokens walletTokens = new WalletTokens(TestModeWallets.keyring(clock), WalletKeyring::none,
            walletClaims, clock);
    public final SessionCheckoutService checkout = new SessionCheckoutService(sessions, transactions, engine,
            threeDSecure, writer, merchants, declineCounters, DeclineLimits.PER_ADDRESS, bankTransfers, walletTokens,
            clock);

    public SessionWorld() {
        merchants.create(new Merchant(MERCHANT_A.merchantId(), PaymentWorld.MERCHANT_A_NAME, clock.instant()),
                WebhookSecret.generate());
        merchants.create(new Merchant(MERCHANT_B.merchantId(), PaymentWorld.MERCHANT_B_NAME, clock.instant()),
                WebhookSecret.generate());
        endpoints.setUrl(MERCHANT_A.merchantId(), PaymentWorld.ENDPOINT_URL, WebhookSecret.generate());
        endpoints.setUrl(MERCHANT_B.merchantId(), PaymentWorld.ENDPOINT_URL, WebhookSecret.generate());
    }

    /** The reference's request example (USD 250.00), expiring in a day. */
    public static NewPaymentSession referenceRequest(Instant expiresAt) {
        return new NewPaymentSession(Money.of(25000, "USD"), "Premium Subscription - Annual Plan",
                Map.of("name", "Jane Smith", "email", "jane@example.com", "phone", "+1234567890"),
                Map.of("subscription_id", "sub_12345", "plan_type", "premium_annual"), WEBHOOK_URL, RETURN_URL,
                expiresAt);
    }

    /** A pending session of merchant A (default expiry, 24 h). */
    public PaymentSession session() {
        return hostedPayments.create(MERCHANT_A, referenceRequest(null));
    }

    public static CheckoutForm form(String pan) {
        return new CheckoutForm(TestCardData.card(pan), "Jane Q. Smith", "jane.q@example.com", CLIENT_ADDRESS);
    }

    public PaymentSession stored(String sessionId) {
        return sessions.stored(sessionId);
    }

    public Transaction storedTransaction(String transactionId) {
        return transactions.stored(transactionId);
    }

    /** The real test-mode gateway, counting what it is asked, with hooks. */
    public static final class ObservedGateway extends ForwardingCardGateway {
        private final CardGateway real;
        private final List<String> authorized = new ArrayList<>();
        private final List<String> completed = new ArrayList<>();
        private Consumer<GatewayAuthorization> duringAuthorization;
        private Function<String, GatewayResult> completion;

        ObservedGateway(CardGateway real) {
            super(real);
            this.real = real;
        }

        @Override
        public GatewayResult authorize(GatewayAuthorization authorization) {
            Consumer<GatewayAuthorization> hook;
            synchronized (this) {
                authorized.add(authorization.transactionId());
                hook = duringAuthorization;
                duringAuthorization = null;
            }
            if (hook != null) {
                hook.accept(authorization);
            }
            return real.authorize(authorization);
        }

        @Override
        public GatewayResult completeThreeDSecure(String transactionId, String gatewayTransactionId) {
            Function<String, GatewayResult> answer;
            synchronized (this) {
                completed.add(gatewayTransactionId);
                answer = completion;
            }
            return answer != null ? answer.apply(gatewayTransactionId)
                    : real.completeThreeDSecure(transactionId, gatewayTransactionId);
        }

        /** Runs {@code hook} inside the next authorisation, while the card is "being charged". */
        public synchronized void duringNextAuthorization(Consumer<GatewayAuthorization> hook) {
            this.duringAuthorization = hook;
        }

        public synchronized void answerCompletionsWith(Function<String, GatewayResult> answer) {
            this.completion = answer;
        }

        /** Our transaction ids the gateway was asked to authorise, in order. */
        public synchronized List<String> authorized() {
            return List.copyOf(authorized);
        }

        public synchronized List<String> completed() {
            return List.copyOf(completed);
        }
    }
}
