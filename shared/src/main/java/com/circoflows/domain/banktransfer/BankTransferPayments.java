package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.payment.CaptureMethod;
import com.circoflows.domain.payment.PaymentAmounts;
import com.circoflows.domain.payment.PaymentDetails;
import com.circoflows.domain.payment.PaymentOutcome;
import com.circoflows.domain.payment.ThreeDSecureStatus;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.payment.TransactionWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens bank-transfer payments: claims the payment's transfer number, derives its virtual account and
 * reference from it, and stores the payment pending with its payment.pending event. The money comes later,
 * through {@link BankCreditService}.
 */
public final class BankTransferPayments {
    private final TransferNumbers numbers;
    private final VirtualAccounts accounts;
    private final CollectionDetails collection;
    private final TransactionWriter writer;
    private final Clock clock;

    public BankTransferPayments(TransferNumbers numbers, CollectionDetails collection, TransactionWriter writer,
            Clock clock) {
        this.numbers = numbers;
        this.accounts = new VirtualAccounts(collection);
        this.collection = collection;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Opens the payment under {@code transactionId}. A retry of a crashed request (same id) claims the same
     * number and answers the payment stored then.
     *
     * @throws ApiException invalid_currency for a currency without a scheme; live_mode_not_enabled for a
     *     live key (no live collection account is configured)
     */
    public PaymentOutcome open(AuthenticatedKey caller, String transactionId, BankTransferRequest request) {
        return writer.insert(prepare(transactionId, caller.merchantId(), caller.mode(), request, null));
    }

    /**
     * Claims the payment's transfer number and builds the pending payment, without storing it: for a
     * caller that stores it atomically with a change of its own (the hosted payment page writes it with
     * the session's change). A number claimed for a payment that is then never stored stays unused: a
     * credit sent to it is held as unmatched, never lost.
     *
     * @param sessionId the hosted payment session the payment is made on, or null for a direct payment
     * @throws ApiException invalid_currency for a currency without a scheme; live_mode_not_enabled in live
     *     mode (no live collection account is configured)
     */
    public Transaction prepare(String transactionId, String merchantId, Mode mode, BankTransferRequest request,
            String sessionId) {
        TransferScheme scheme = TransferScheme.requireForCurrency(request.amount().currency());
        if (mode == Mode.LIVE) {
            throw new ApiException(ErrorCode.LIVE_MODE_NOT_ENABLED);
        }
        Instant now = clock.instant();
        long number = numbers.claimFor(scheme, new ClaimedTransfer(transactionId, merchantId, mode));
        BankTransferInstructions instructions = new BankTransferInstructions(CreditorReference.forNumber(number),
                request.amount(), collection.beneficiaryName(), request.expiry().expiresAt(now),
                accounts.accountFor(scheme, number));
        PaymentDetails details = new PaymentDetails(request.customerInfo(), request.metadata(), request.webhookUrl(),
                null, sessionId);
        return new Transaction(transactionId, merchantId, mode, TransactionStatus.PENDING,
                PaymentAmounts.authorizedOnly(request.amount()), CaptureMethod.AUTOMATIC, null, null,
                ThreeDSecureStatus.NOT_REQUIRED, null, details, null, now, null, 1,
                BankTransferDetails.awaiting(number, instructions));
    }
}
