package com.circoflows.adapters.wiring;

import com.circoflows.adapters.dynamodb.DynamoBankCreditLedger;
import com.circoflows.adapters.dynamodb.DynamoTransactionRepository;
import com.circoflows.adapters.dynamodb.DynamoTransferNumberClaims;
import com.circoflows.adapters.lambda.BankCreditBatch;
import com.circoflows.adapters.sqs.SqsBankCreditFeed;
import com.circoflows.api.banktransfers.AssignBankCreditEndpoint;
import com.circoflows.api.banktransfers.FundTestBankTransferEndpoint;
import com.circoflows.api.banktransfers.GetBankCreditEndpoint;
import com.circoflows.api.banktransfers.ListBankCreditsEndpoint;
import com.circoflows.api.banktransfers.ReturnBankCreditEndpoint;
import com.circoflows.domain.banktransfer.BankCreditService;
import com.circoflows.domain.banktransfer.BankTransferExpirer;
import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.CollectionDetails;
import com.circoflows.domain.banktransfer.CreditMatcher;
import com.circoflows.domain.banktransfer.HeldCreditAssignment;
import com.circoflows.domain.banktransfer.HeldCredits;
import com.circoflows.domain.banktransfer.TestModeOutboundTransfers;
import com.circoflows.domain.banktransfer.TestTransferFunding;
import com.circoflows.domain.banktransfer.TransferNumberClaims;
import com.circoflows.domain.banktransfer.TransferNumbers;
import com.circoflows.domain.gateway.RefundProcessor;

/**
 * Bank transfers: opening them (with direct payments), the credit feed's consumer, test mode's funding,
 * the expiry (with the scheduled settlement) and refunds as outbound transfers. Test mode's collection
 * details only: live payments are refused before any of this is reached.
 */
public final class BankTransferWiring {
    private final Infrastructure infrastructure;

    BankTransferWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** Opens bank-transfer payments (POST /api/direct-payment, the payment page). */
    BankTransferPayments bankTransferPayments() {
        return new BankTransferPayments(new TransferNumbers(claims()), CollectionDetails.TEST_MODE,
                infrastructure.creatingTransactionWriter(), infrastructure.clock());
    }

    /** The credit feed's consumer. */
    public BankCreditBatch bankCreditBatch() {
        DynamoTransactionRepository transactions = transactions();
        return new BankCreditBatch(new BankCreditService(new CreditMatcher(CollectionDetails.TEST_MODE, claims()),
                ledger(), transactions, infrastructure.transactionWriter(), infrastructure.clock()));
    }

    public FundTestBankTransferEndpoint fundTestBankTransferEndpoint() {
        return new FundTestBankTransferEndpoint(new TestTransferFunding(DynamoTransactionRepository.readOnly(
                infrastructure.dynamoDb(), infrastructure.required("TRANSACTIONS_TABLE")),
                new SqsBankCreditFeed(infrastructure.sqs(), infrastructure.required("BANK_CREDITS_QUEUE_URL")),
                infrastructure.clock()));
    }

    public ListBankCreditsEndpoint listBankCreditsEndpoint() {
        return new ListBankCreditsEndpoint(heldCredits());
    }

    public GetBankCreditEndpoint getBankCreditEndpoint() {
        return new GetBankCreditEndpoint(heldCredits());
    }

    public AssignBankCreditEndpoint assignBankCreditEndpoint() {
        return new AssignBankCreditEndpoint(new HeldCreditAssignment(ledger(), transactions(),
                infrastructure.transactionWriter(), infrastructure.clock()));
    }

    public ReturnBankCreditEndpoint returnBankCreditEndpoint() {
        return new ReturnBankCreditEndpoint(heldCredits());
    }

    private HeldCredits heldCredits() {
        return new HeldCredits(DynamoBankCreditLedger.withoutPayments(infrastructure.dynamoDb(),
                infrastructure.required("BANK_TRANSFERS_TABLE"), infrastructure.clock()), infrastructure.clock());
    }

    /** With the scheduled settlement (RefundWiring). */
    BankTransferExpirer expirer() {
        DynamoTransactionRepository transactions = transactions();
        return new BankTransferExpirer(transactions, transactions, ledger(), infrastructure.transactionWriter(),
                infrastructure.clock());
    }

    /** Where a bank transfer's refunds go (RefundWiring). */
    RefundProcessor outboundTransfers() {
        return new TestModeOutboundTransfers();
    }

    private DynamoBankCreditLedger ledger() {
        return new DynamoBankCreditLedger(infrastructure.dynamoDb(), infrastructure.required("BANK_TRANSFERS_TABLE"),
                infrastructure.required("TRANSACTIONS_TABLE"), infrastructure.required("WEBHOOK_EVENTS_TABLE"),
                infrastructure.clock());
    }

    private TransferNumberClaims claims() {
        return new DynamoTransferNumberClaims(infrastructure.dynamoDb(), infrastructure.required("BANK_TRANSFERS_TABLE"));
    }

    private DynamoTransactionRepository transactions() {
        return new DynamoTransactionRepository(infrastructure.dynamoDb(), infrastructure.required("TRANSACTIONS_TABLE"),
                infrastructure.required("WEBHOOK_EVENTS_TABLE"), null);
    }
}
