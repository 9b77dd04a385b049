package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoPaymentSessionList;
import com.circoflows.adapters.dynamodb.DynamoPaymentSessionRepository;
import com.circoflows.adapters.dynamodb.DynamoRateLimitCounter;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.api.pages.PaymentPage;
import com.circoflows.api.sessions.CancelHostedPaymentEndpoint;
import com.circoflows.api.sessions.CreateHostedPaymentEndpoint;
import com.circoflows.api.sessions.GetHostedPaymentEndpoint;
import com.circoflows.api.sessions.HostedPaymentRequestParser;
import com.circoflows.api.sessions.ListHostedPaymentsEndpoint;
import com.circoflows.domain.session.DeclineLimits;
import com.circoflows.domain.session.HostedPaymentService;
import com.circoflows.domain.session.SessionCheckoutService;
import com.circoflows.domain.session.SessionListQueries;

/** Hosted payment sessions: the merchant's /api routes on them and the customer's payment page. */
public final class SessionWiring {
    private final Infrastructure infrastructure;
    private final PaymentWiring payments;
    private final BankTransferWiring bankTransfers;
    private final WalletWiring wallets;

    SessionWiring(Infrastructure infrastructure, PaymentWiring payments, BankTransferWiring bankTransfers,
            WalletWiring wallets) {
        this.infrastructure = infrastructure;
        this.payments = payments;
        this.bankTransfers = bankTransfers;
        this.wallets = wallets;
    }

    public CreateHostedPaymentEndpoint createHostedPaymentEndpoint() {
        return new CreateHostedPaymentEndpoint(new HostedPaymentRequestParser(infrastructure.merchantUrlPolicy()),
                hostedPaymentService(), infrastructure.publicUrls());
    }

    public GetHostedPaymentEndpoint getHostedPaymentEndpoint() {
        return new GetHostedPaymentEndpoint(hostedPaymentServiceFollowingTransfers());
    }

    /** GET /api/hosted-payment: reads the sessions table's list index, writes nothing. */
    public ListHostedPaymentsEndpoint listHostedPaymentsEndpoint() {
        return new ListHostedPaymentsEndpoint(sessionListQueries());
    }

    SessionListQueries sessionListQueries() {
        return new SessionListQueries(new DynamoPaymentSessionList(infrastructure.dynamoDb(),
                infrastructure.required("PAYMENT_SESSIONS_TABLE")), infrastructure.clock());
    }

    public CancelHostedPaymentEndpoint cancelHostedPaymentEndpoint() {
        return new CancelHostedPaymentEndpoint(hostedPaymentServiceFollowingTransfers());
    }

    /** The hosted payment page, paying through the same engine as direct payments. */
    public PaymentPage paymentPage() {
        return new PaymentPage(sessionCheckoutService(), infrastructure.pageTokens(), infrastructure.clock(),
                !infrastructure.localMode(), infrastructure.pageBranding(), wallets.pageWallets());
    }

    /** What the payment page pays with (also for tests that pay a session without the page's HTML). */
    public SessionCheckoutService sessionCheckoutService() {
        return new SessionCheckoutService(
                new DynamoPaymentSessionRepository(infrastructure.dynamoDb(),
                        infrastructure.required("PAYMENT_SESSIONS_TABLE"), infrastructure.required("TRANSACTIONS_TABLE"),
                        infrastructure.required("WEBHOOK_EVENTS_TABLE"),
                        infrastructure.required("TRANSACTION_SEARCH_TABLE")),
                infrastructure.transactions(), payments.paymentEngine(), payments.threeDSecureService(),
                infrastructure.transactionWriter(), infrastructure.merchants(),
                new DynamoRateLimitCounter(infrastructure.dynamoDb(), infrastructure.required("RISK_COUNTERS_TABLE")),
                pageDeclinesPerAddress(), bankTransfers.bankTransferPayments(), wallets.walletTokens(),
                infrastructure.clock());
    }

    /**
     * Merchant operations on sessions write only the sessions table. A function also given TRANSACTIONS_TABLE
     * (to read) learns how the bank transfer a session awaits ended; one without reads such a session as
     * pending until the payment page learns it (HostedPaymentService).
     */
    /** For reading and canceling sessions: a session waiting for a bank transfer follows its payment. */
    HostedPaymentService hostedPaymentServiceFollowingTransfers() {
        return hostedPaymentService(DynamoTransactionRepository.readOnly(infrastructure.dynamoDb(),
                infrastructure.required("TRANSACTIONS_TABLE")));
    }

    HostedPaymentService hostedPaymentService() {
        return hostedPaymentService(infrastructure.optional("TRANSACTIONS_TABLE")
                .map(table -> DynamoTransactionRepository.readOnly(infrastructure.dynamoDb(), table))
                .orElse(null));
    }

    /** @param transactions where a session's bank transfer is read; null where the function is given none */
    private HostedPaymentService hostedPaymentService(DynamoTransactionRepository transactions) {
        return new HostedPaymentService(DynamoPaymentSessionRepository.sessionsOnly(infrastructure.dynamoDb(),
                infrastructure.required("PAYMENT_SESSIONS_TABLE")), transactions, infrastructure.clock());
    }

    /**
     * The payment page's declines per client address and hour (template: {@link DeclineLimits#PER_ADDRESS});
     * the end-to-end suite, every browser of which is 127.0.0.1, raises it.
     */
    private int pageDeclinesPerAddress() {
        String raw = infrastructure.required("PAGE_DECLINES_PER_ADDRESS");
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
}
