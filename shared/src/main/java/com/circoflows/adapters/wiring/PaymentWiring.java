package com.circoflows.adapters.wiring;

import com.circoflows.adapters.aws.SqsRequestTypes;
import com.circoflows.adapters.dynamodb.DynamoGatewayLedger;
import com.circoflows.adapters.dynamodb.DynamoRateLimitCounter;
import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionList;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.lambda.MerchantApiPriming;
import com.circoflows.api.pages.ThreeDSecurePage;
import com.circoflows.api.payments.CancelPaymentEndpoint;
import com.circoflows.api.payments.CapturePaymentEndpoint;
import com.circoflows.api.payments.ConfirmThreeDSecureEndpoint;
import com.circoflows.api.payments.CreateDirectPaymentEndpoint;
import com.circoflows.api.payments.DirectPaymentRequestParser;
import com.circoflows.api.payments.GetDirectPaymentEndpoint;
import com.circoflows.api.payments.ListDirectPaymentsEndpoint;
import com.circoflows.domain.card.CardFingerprinter;
import com.circoflows.domain.gateway.CardGateway;
import com.circoflows.domain.gateway.GatewayLedger;
import com.circoflows.domain.gateway.TestModeCardGateway;
import com.circoflows.domain.keys.DerivedKeys;
import com.circoflows.domain.payment.AuthorizationService;
import com.circoflows.domain.payment.DirectPaymentService;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.ThreeDSecureChallenges;
import com.circoflows.domain.payment.ThreeDSecureService;
import com.circoflows.domain.payment.TransactionListQueries;
import com.circoflows.domain.payment.TransactionQueries;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.risk.CachedRiskSettings;
import com.circoflows.domain.risk.FraudScreen;

/** Direct payments, their 3-D Secure challenge, and the engine and gateway every payment goes through. */
public final class PaymentWiring {
    private final Infrastructure infrastructure;
    private final Lazy<CardFingerprinter> fingerprinter = new Lazy<>(() ->
            new CardFingerprinter(infrastructure().derivedKeys().keyFor(DerivedKeys.CARD_FINGERPRINT)));
    /** One per container, so its settings cache serves every request the container handles. */
    private final Lazy<FraudScreen> fraudScreen = new Lazy<>(() -> FraudScreen.standard(fingerprinter.get(),
            new DynamoRateLimitCounter(infrastructure().dynamoDb(), infrastructure().required("RISK_COUNTERS_TABLE")),
            CachedRiskSettings.withDefaultTtl(new DynamoRiskSettingsRepository(infrastructure().dynamoDb(),
                    infrastructure().required("MERCHANTS_TABLE")))));
    private final Lazy<GatewayLedger> gatewayLedger = new Lazy<>(() -> new DynamoGatewayLedger(
            infrastructure().dynamoDb(), infrastructure().required("GATEWAY_AUTHORIZATIONS_TABLE")));
    private final Lazy<CardGateway> gateway = new Lazy<>(() ->
            new TestModeCardGateway(gatewayLedger.get(), infrastructure().clock()));

    private final BankTransferWiring bankTransfers;
    private final WalletWiring wallets;

    PaymentWiring(Infrastructure infrastructure, BankTransferWiring bankTransfers, WalletWiring wallets) {
        this.infrastructure = infrastructure;
        this.bankTransfers = bankTransfers;
        this.wallets = wallets;
    }

    /**
     * Card payments, wallet tokens and bank transfers (their instructions; the money comes through the
     * credit feed).
     */
    public CreateDirectPaymentEndpoint createDirectPaymentEndpoint() {
        PaymentEngine engine = paymentEngine();
        DirectPaymentService payments = new DirectPaymentService(engine, infrastructure.creatingTransactionWriter());
        return new CreateDirectPaymentEndpoint(directPaymentRequestParser(), payments,
                bankTransfers.bankTransferPayments(), wallets.walletPayments(engine), infrastructure.publicUrls());
    }

    /** SnapStart's priming for POST /api/direct-payment: it also parses the made-up request, as the endpoint would, and builds a job's SendMessage. */
    public Runnable createDirectPaymentPriming() {
        MerchantApiPriming priming = new MerchantApiPriming(infrastructure.apiKeys(), directPaymentRequestParser()::parse);
        return () -> {
            priming.run();
            SqsRequestTypes.loadSend();
        };
    }

    public GetDirectPaymentEndpoint getDirectPaymentEndpoint() {
        return new GetDirectPaymentEndpoint(new TransactionQueries(DynamoTransactionRepository.readOnly(
                infrastructure.dynamoDb(), infrastructure.required("TRANSACTIONS_TABLE"))), infrastructure.publicUrls());
    }

    /** GET /api/direct-payment: reads the list indexes and the search table, writes nothing. */
    public ListDirectPaymentsEndpoint listDirectPaymentsEndpoint() {
        return new ListDirectPaymentsEndpoint(transactionListQueries(), infrastructure.publicUrls());
    }

    TransactionListQueries transactionListQueries() {
        return new TransactionListQueries(new DynamoTransactionList(infrastructure.dynamoDb(),
                infrastructure.required("TRANSACTIONS_TABLE"), infrastructure.required("TRANSACTION_SEARCH_TABLE")));
    }

    public ConfirmThreeDSecureEndpoint confirmThreeDSecureEndpoint() {
        return new ConfirmThreeDSecureEndpoint(threeDSecureService(), infrastructure.publicUrls());
    }

    public CapturePaymentEndpoint capturePaymentEndpoint() {
        return new CapturePaymentEndpoint(authorizationService());
    }

    public CancelPaymentEndpoint cancelPaymentEndpoint() {
        return new CancelPaymentEndpoint(authorizationService());
    }

    /** The challenge page records the customer's answer and never reaches the gateway. */
    public ThreeDSecurePage threeDSecurePage() {
        return new ThreeDSecurePage(new ThreeDSecureChallenges(infrastructure.transactions(),
                infrastructure.transactionWriter(), infrastructure.clock()), infrastructure.merchants(),
                infrastructure.pageTokens(), !infrastructure.localMode(), infrastructure.pageBranding());
    }

    /** Runs with the webhook sweeper: voids the gateway's authorisations that no transaction records. */
    public AuthorizationReconciler authorizationReconciler() {
        return new AuthorizationReconciler(gatewayLedger.get(), DynamoTransactionRepository.readOnly(
                infrastructure.dynamoDb(), infrastructure.required("TRANSACTIONS_TABLE")), infrastructure.clock(),
                infrastructure.seconds("GATEWAY_RECONCILIATION_GRACE_SECONDS", AuthorizationReconciler.GRACE));
    }

    /** Also what the payment page pays with (SessionWiring). */
    PaymentEngine paymentEngine() {
        return new PaymentEngine(gateway.get(), fraudScreen.get(), fingerprinter.get(), infrastructure.clock());
    }

    AuthorizationService authorizationService() {
        return new AuthorizationService(infrastructure.transactions(), gateway.get(), infrastructure.transactionWriter());
    }

    /** The gateway refunds go to (RefundWiring). */
    CardGateway gateway() {
        return gateway.get();
    }

    ThreeDSecureService threeDSecureService() {
        return new ThreeDSecureService(gateway.get(), infrastructure.transactions(), infrastructure.transactionWriter(),
                infrastructure.clock());
    }

    private DirectPaymentRequestParser directPaymentRequestParser() {
        return new DirectPaymentRequestParser(infrastructure.merchantUrlPolicy(), infrastructure.clock());
    }

    // The lazy fields' factories read the constructor's argument through this (see Infrastructure).
    private Infrastructure infrastructure() {
        return infrastructure;
    }
}
