package com.circoflows.testing;

import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.wallet.TestModeWallets;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.domain.wallet.WalletPayments;
import com.circoflows.domain.wallet.WalletTokens;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.DirectPaymentRequest;
import com.circoflows.domain.payment.DirectPaymentService;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.risk.FraudScreen;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Clock;
import java.util.Map;

/**
 * The payment core wired to in-memory ports, the real test-mode gateway (unless told otherwise),
 * the real fraud screen and a fixed clock. Two merchants are registered.
 */
public final class PaymentWorld {
    public static final AuthenticatedKey MERCHANT_A =
            new AuthenticatedKey("KeyAAAAAAAAAAAAA", "mch_AAAAAAAAAAAAAAAAAAAA", Mode.TEST);
    public static final AuthenticatedKey MERCHANT_B =
            new AuthenticatedKey("KeyBBBBBBBBBBBBB", "mch_BBBBBBBBBBBBBBBBBBBB", Mode.TEST);
    public static final String MERCHANT_A_NAME = "Acme Books";
    public static final String MERCHANT_B_NAME = "Bolt Bikes";
    public static final String ENDPOINT_URL = "https://hooks.acme.example/circoflows";

    public final Clock clock;
    public final InMemoryTransactionRepository transactions = new InMemoryTransactionRepository();
    public final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    public final RecordingMetrics metrics = new RecordingMetrics();
    public final InMemoryMerchantRepository merchants = new InMemoryMerchantRepository();
    public final CardFingerprinter fingerprinter = TestCardData.fingerprinter();
    public final InMemoryRateLimitCounter riskCounters = new InMemoryRateLimitCounter();
    public final InMemoryRiskSettingsRepository riskSettings = new InMemoryRiskSettingsRepository();
    public final CardGateway gateway;
    /** The test-mode gateway's ledger; null when the world was given another gateway. */
    public final InMemoryGatewayLedger ledger;
    /** Both merchants have an endpoint set, so their events are queued (see {@link #withoutEndpoint}). */
    public final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    public final TransactionWriter writer;
    public final PaymentEngine engine;
    public final DirectPaymentService payments;
    public final InMemoryWalletTokenClaims walletClaims = new InMemoryWalletTokenClaims();
    public final WalletTokens walletTokens;
    public final WalletPayments wallets;
    public final ThreeDSecureService threeDSecure;
    public final ThreeDSecureChallenges challenges;
    public final TransactionQueries queries;

    private PaymentWorld(Clock clock, CardGateway gateway, InMemoryGatewayLedger ledger) {
        this.clock = clock;
        this.gateway = gateway;
        this.ledger = ledger;
        this.writer = new TransactionWriter(transactions, queue, endpoints, clock, metrics);
        this.engine = new PaymentEngine(gateway,
                FraudScreen.standard(fingerprinter, riskCounters, riskSettings), fingerprinter, clock);
        this.payments = new DirectPaymentService(engine, writer);
        this.walletTokens = new WalletTokens(TestModeWallets.keyring(clock), WalletKeyring::none, walletClaims, clock);
        this.wallets = new WalletPayments(walletTokens, engine, writer);
        this.threeDSecure = new ThreeDSecureService(gateway, transactions, writer, clock);
        this.challenges = new ThreeDSecureChallenges(transactions, writer, clock);
        this.queries = new TransactionQueries(transactions);
        merchants.create(new Merchant(MERCHANT_A.merchantId(), MERCHANT_A_NAME, clock.instant()), WebhookSecret.generate());
        merchants.create(new Merchant(MERCHANT_B.merchantId(), MERCHANT_B_NAME, clock.instant()), WebhookSecret.generate());
        endpoints.setUrl(MERCHANT_A.merchantId(), ENDPOINT_URL, WebhookSecret.generate());
        endpoints.setUrl(MERCHANT_B.merchantId(), ENDPOINT_URL, WebhookSecret.generate());
    }

    /** Takes the merchant's endpoint away: its payments' events have nowhere to go unless they carry a webhook_url. */
    public PaymentWorld withoutEndpoint(String merchantId) {
        endpoints.put(new com.circoflows.domain.webhook.WebhookEndpoint(merchantId, null, WebhookSecret.generate(),
                null, null, false, null));
        return this;
    }

    public static PaymentWorld create() {
        Clock clock = TestClocks.fixed();
        InMemoryGatewayLedger ledger = new InMemoryGatewayLedger();
        return new PaymentWorld(clock, new TestModeCardGateway(ledger, clock), ledger);
    }

    public static PaymentWorld withGateway(CardGateway gateway) {
        return new PaymentWorld(TestClocks.fixed(), gateway, null);
    }

    public static DirectPaymentRequest request(String pan) {
        return request(pan, null);
    }

    public static DirectPaymentRequest request(String pan, String returnUrl) {
        return new DirectPaymentRequest(Money.of(15000, "USD"), CaptureMethod.AUTOMATIC, TestCardData.card(pan),
                Map.of("name", "John Doe", "email", "john@example.com"), Map.of("order_id", "ORD-12345"),
                "https://merchant.example/webhooks", returnUrl);
    }

    /** Merchant A pays with {@code pan} under a new transaction id; the outcome as the service returned it. */
    public PaymentOutcome pay(String pan) {
        return pay(pan, null);
    }

    public PaymentOutcome pay(String pan, String returnUrl) {
        return payments.pay(MERCHANT_A, PaymentEngine.newTransactionId(), request(pan, returnUrl));
    }

    /** A stored transaction of merchant A that waits for its 3-D Secure challenge. */
    public Transaction pendingChallenge(String returnUrl) {
        return pay(TestCards.THREE_D_SECURE_REQUIRED, returnUrl).transaction();
    }

    public Transaction pendingChallenge() {
        return pendingChallenge(null);
    }

    public Transaction stored(String transactionId) {
        return transactions.stored(transactionId);
    }
}
