package com.circoflows.testing;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.banktransfer.BankCreditLedger;
import com.circoflows.domain.banktransfer.BankCreditService;
import com.circoflows.domain.banktransfer.BankTransferExpirer;
import com.circoflows.domain.banktransfer.BankTransferPayments;
import com.circoflows.domain.banktransfer.BankTransferRequest;
import com.circoflows.domain.banktransfer.ClaimedTransfer;
import com.circoflows.domain.banktransfer.CollectionDetails;
import com.circoflows.domain.banktransfer.CreditMatcher;
import com.circoflows.domain.banktransfer.HeldCredit;
import com.circoflows.domain.banktransfer.HeldCreditAssignment;
import com.circoflows.domain.banktransfer.HeldCredits;
import com.circoflows.domain.banktransfer.RecordedCredit;
import com.circoflows.domain.banktransfer.TransferExpiry;
import com.circoflows.domain.banktransfer.TransferNumberClaims;
import com.circoflows.domain.banktransfer.TransferNumbers;
import com.circoflows.domain.banktransfer.TransferScheme;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionWriter;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.signing.WebhookSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bank transfers wired to in-memory ports with test mode's collection details and a clock tests move:
 * opening payments, the credit consumer, the expiry. Merchant A has a webhook endpoint.
 */
public final class BankTransferWorld {
    public final MutableClock clock = MutableClock.atTestNow();
    public final InMemoryTransactionRepository transactions = new InMemoryTransactionRepository();
    public final RecordingWebhookJobQueue queue = new RecordingWebhookJobQueue();
    public final InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository();
    public final TransactionWriter writer = new TransactionWriter(transactions, queue, endpoints, clock);
    public final Claims claims = new Claims();
    public final Ledger ledger = new Ledger(transactions);
    public final BankTransferPayments payments =
            new BankTransferPayments(new TransferNumbers(claims), CollectionDetails.TEST_MODE, writer, clock);
    public final BankCreditService credits = new BankCreditService(
            new CreditMatcher(CollectionDetails.TEST_MODE, claims), ledger, transactions, writer, clock);
    public final BankTransferExpirer expirer =
            new BankTransferExpirer(this::expiringBy, transactions, ledger, writer, clock);
    public final HeldCredits heldCredits = new HeldCredits(ledger, clock);
    public final HeldCreditAssignment assignment = new HeldCreditAssignment(ledger, transactions, writer, clock);
    private int bankReferences;

    public BankTransferWorld() {
        endpoints.setUrl(PaymentWorld.MERCHANT_A.merchantId(), PaymentWorld.ENDPOINT_URL, WebhookSecret.generate());
    }

    /** Merchant A opens a transfer of {@code minorUnits} in {@code currency}, expiring after the default 7 days. */
    public Transaction open(long minorUnits, String currency) {
        return open(PaymentWorld.MERCHANT_A, minorUnits, currency);
    }

    public Transaction open(AuthenticatedKey caller, long minorUnits, String currency) {
        return payments.open(caller, PaymentEngine.newTransactionId(), new BankTransferRequest(
                Money.of(minorUnits, currency), Map.of("name", "Erika Mustermann"), Map.of(), null,
                TransferExpiry.standard())).transaction();
    }

    /** A credit paid into the payment's virtual account with its reference, with a new bank reference. */
    public BankCredit creditFor(Transaction payment, long minorUnits) {
        return new BankCredit(new Money(minorUnits, payment.amount().currency()),
                payment.bankTransfer().reference().printed(), payment.bankTransfer().payInAccount(), "Erika Mustermann", nextBankReference(),
                clock.instant());
    }

    /** A credit naming only what the payer typed as reference, no account. */
    public BankCredit creditTyped(String currency, long minorUnits, String typedReference) {
        return new BankCredit(new Money(minorUnits, Money.parseCurrency(currency)), typedReference, null, "Erika Mustermann",
                nextBankReference(), clock.instant());
    }

    public String nextBankReference() {
        return "BANKREF" + (++bankReferences);
    }

    public Transaction stored(Transaction payment) {
        return transactions.stored(payment.transactionId());
    }

    private List<Transaction> expiringBy(Instant now, int limit) {
        return transactions.all().stream()
                .filter(t -> t.awaitsTransfer() && !t.bankTransfer().expiresAt().isAfter(now))
                .sorted(Comparator.comparing(t -> t.bankTransfer().expiresAt()))
                .limit(limit)
                .toList();
    }

    /** Transfer numbers in memory; tests may take a number for another payment first. */
    public static final class Claims implements TransferNumberClaims {
        private final Map<String, ClaimedTransfer> claimed = new HashMap<>();

        @Override
        public synchronized boolean claim(TransferScheme scheme, long number, ClaimedTransfer claim) {
            ClaimedTransfer current = claimed.putIfAbsent(scheme + "#" + number, claim);
            return current == null || current.transactionId().equals(claim.transactionId());
        }

        @Override
        public synchronized Optional<ClaimedTransfer> find(TransferScheme scheme, long number) {
            return Optional.ofNullable(claimed.get(scheme + "#" + number));
        }

        public synchronized int size() {
            return claimed.size();
        }
    }

    /**
     * Credits in memory, recorded with the payment's change under one lock as the DynamoDB adapter does in
     * one transaction. {@link #crashBeforeNextWrite} throws before anything is written, as a process dying
     * between matching and writing would.
     */
    public static final class Ledger implements BankCreditLedger {
        private final InMemoryTransactionRepository transactions;
        private final Map<String, RecordedCredit> credits = new LinkedHashMap<>();
        private final List<HeldCredit> held = new ArrayList<>();
        private RuntimeException crash;

        Ledger(InMemoryTransactionRepository transactions) {
            this.transactions = transactions;
        }

        public synchronized void crashBeforeNextWrite(RuntimeException failure) {
            this.crash = failure;
        }

        @Override
        public synchronized boolean isRecorded(String bankReference) {
            return credits.containsKey(BankCreditIds.of(bankReference));
        }

        @Override
        public synchronized Write apply(BankCredit credit, Transaction updated, WebhookEvent event,
                HeldCredit excess) {
            crashIfAsked();
            if (isRecorded(credit.bankReference())) {
                return Write.DUPLICATE;
            }
            if (!transactions.update(updated, event)) {
                return Write.PAYMENT_CHANGED;
            }
            credits.put(BankCreditIds.of(credit.bankReference()), record(credit, RecordedCredit.Outcome.APPLIED, null,
                    updated.merchantId(), updated.mode(), updated.transactionId()));
            if (excess != null) {
                keep(excess);
            }
            return Write.RECORDED;
        }

        @Override
        public synchronized Write expire(Transaction expired, WebhookEvent event, HeldCredit received) {
            crashIfAsked();
            if (!transactions.update(expired, event)) {
                return Write.PAYMENT_CHANGED;
            }
            if (received != null) {
                keep(received);
            }
            return Write.RECORDED;
        }

        private void keep(HeldCredit credit) {
            credits.put(BankCreditIds.of(credit.credit().bankReference()), record(credit.credit(),
                    RecordedCredit.Outcome.HELD, credit.reason(), credit.merchantId(), credit.mode(),
                    credit.transactionId()));
            held.add(credit);
        }

        @Override
        public synchronized Write hold(HeldCredit credit) {
            crashIfAsked();
            if (isRecorded(credit.credit().bankReference())) {
                return Write.DUPLICATE;
            }
            keep(credit);
            return Write.RECORDED;
        }

        @Override
        public synchronized Optional<RecordedCredit> find(String creditId) {
            return Optional.ofNullable(credits.get(creditId));
        }

        @Override
        public synchronized Page listHeld(String merchantId, Mode mode, int limit, String cursor) {
            List<RecordedCredit> mine = credits.values().stream()
                    .filter(c -> c.outcome() == RecordedCredit.Outcome.HELD && c.belongsTo(merchantId, mode))
                    .sorted(Comparator.comparing(RecordedCredit::receivedAt).reversed())
                    .limit(limit)
                    .toList();
            return new Page(mine, null);
        }

        @Override
        public synchronized Write assign(RecordedCredit heldCredit, Transaction updated, WebhookEvent event,
                Instant at) {
            RecordedCredit current = credits.get(heldCredit.creditId());
            if (current == null || current.outcome() != RecordedCredit.Outcome.HELD) {
                return Write.DUPLICATE;
            }
            if (!transactions.update(updated, event)) {
                return Write.PAYMENT_CHANGED;
            }
            credits.put(current.creditId(), new RecordedCredit(current.creditId(), current.bankReference(),
                    current.amount(), current.reference(), current.payerName(), current.receivedAt(),
                    RecordedCredit.Outcome.APPLIED, null, current.merchantId(), current.mode(),
                    updated.transactionId(), null, at));
            return Write.RECORDED;
        }

        @Override
        public synchronized Write markReturned(RecordedCredit heldCredit, String returnId, Instant at) {
            RecordedCredit current = credits.get(heldCredit.creditId());
            if (current == null || current.outcome() != RecordedCredit.Outcome.HELD) {
                return Write.DUPLICATE;
            }
            credits.put(current.creditId(), new RecordedCredit(current.creditId(), current.bankReference(),
                    current.amount(), current.reference(), current.payerName(), current.receivedAt(),
                    RecordedCredit.Outcome.RETURNED, current.heldReason(), current.merchantId(), current.mode(),
                    current.transactionId(), returnId, at));
            return Write.RECORDED;
        }

        public synchronized List<HeldCredit> held() {
            return List.copyOf(held);
        }

        /** Each recorded credit's outcome by bank reference ("applied:txn_…", "held:unmatched"). */
        public synchronized Map<String, String> outcomes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (RecordedCredit credit : credits.values()) {
                outcomes.put(credit.bankReference(), credit.outcome().wireName()
                        + (credit.heldReason() != null ? ":" + credit.heldReason().wireName() : ""));
            }
            return outcomes;
        }

        private static RecordedCredit record(BankCredit credit, RecordedCredit.Outcome outcome,
                HeldCredit.Reason reason, String merchantId, Mode mode, String transactionId) {
            return new RecordedCredit(BankCreditIds.of(credit.bankReference()), credit.bankReference(),
                    credit.amount(), credit.reference(), credit.payerName(), credit.receivedAt(), outcome, reason,
                    merchantId, mode, transactionId, null, null);
        }

        private void crashIfAsked() {
            if (crash != null) {
                RuntimeException failure = crash;
                crash = null;
                throw failure;
            }
        }
    }

    public static boolean isPending(Transaction t) {
        return t.status() == TransactionStatus.PENDING;
    }
}
