package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoRefundRepository;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.lambda.ScheduledSettlementRun;
import com.circoflows.api.refunds.CreateRefundEndpoint;
import com.circoflows.api.refunds.ListRefundsEndpoint;
import com.circoflows.domain.payment.AuthorizationExpirer;
import com.circoflows.domain.refund.RefundQueries;
import com.circoflows.domain.refund.RefundRepository;
import com.circoflows.domain.refund.RefundService;
import com.circoflows.domain.refund.RefundSettler;
import com.circoflows.domain.settlement.ScheduledSettlement;
import java.time.Duration;

/** Refunds (creating, listing) and the scheduled settlement of pending refunds and stale authorisations. */
public final class RefundWiring {
    /** How old a pending refund must be before the settle step takes it over from its request. */
    static final Duration SETTLE_GRACE = Duration.ofSeconds(60);

    private final Infrastructure infrastructure;
    private final PaymentWiring payments;
    private final BankTransferWiring bankTransfers;

    RefundWiring(Infrastructure infrastructure, PaymentWiring payments, BankTransferWiring bankTransfers) {
        this.infrastructure = infrastructure;
        this.payments = payments;
        this.bankTransfers = bankTransfers;
    }

    public CreateRefundEndpoint createRefundEndpoint() {
        return new CreateRefundEndpoint(refundService());
    }

    public ListRefundsEndpoint listRefundsEndpoint() {
        return new ListRefundsEndpoint(refundQueries());
    }

    RefundQueries refundQueries() {
        return new RefundQueries(DynamoTransactionRepository.readOnly(infrastructure.dynamoDb(),
                infrastructure.required("TRANSACTIONS_TABLE")),
                DynamoRefundRepository.readOnly(infrastructure.dynamoDb(), infrastructure.required("REFUNDS_TABLE")));
    }

    /** The scheduled function's run: refunds to settle, authorisations to cancel, bank transfers to expire. */
    public ScheduledSettlementRun scheduledSettlementRun() {
        return new ScheduledSettlementRun(new ScheduledSettlement(refundSettler(), new AuthorizationExpirer(infrastructure.transactions(),
                payments.authorizationService(), infrastructure.clock(),
                infrastructure.seconds("CAPTURE_WINDOW_SECONDS", AuthorizationExpirer.CAPTURE_WINDOW)),
                bankTransfers.expirer()));
    }

    RefundSettler refundSettler() {
        return new RefundSettler(refundRepository(), refundService(), infrastructure.clock(),
                infrastructure.seconds("REFUND_SETTLE_GRACE_SECONDS", SETTLE_GRACE));
    }

    RefundService refundService() {
        return new RefundService(infrastructure.transactions(), refundRepository(), payments.gateway(),
                bankTransfers.outboundTransfers(), infrastructure.transactionWriter(), infrastructure.clock());
    }

    private RefundRepository refundRepository() {
        return new DynamoRefundRepository(infrastructure.dynamoDb(), infrastructure.required("REFUNDS_TABLE"),
                infrastructure.required("TRANSACTIONS_TABLE"), infrastructure.required("WEBHOOK_EVENTS_TABLE"));
    }
}
