package com.circoflows.domain.settlement;

import com.circoflows.domain.banktransfer.BankTransferExpirer;
import com.circoflows.domain.payment.AuthorizationExpirer;
import com.circoflows.domain.refund.RefundSettler;

/**
 * The minutely settlement of what a request leaves open: pending refunds are settled with the
 * processor (or, for bank transfers, as outbound transfers), authorisations nobody captured within their
 * window are canceled, and bank transfers not paid by their expiry fail. The three are independent: one
 * failing does not stop the others, and the run then fails with the first failure (the others suppressed
 * in it) so the error shows in the invocation's metrics.
 */
public final class ScheduledSettlement {
    /** Refunds or authorisations one run takes on, so a run ends well within the function's timeout. */
    static final int BATCH = 100;
    /**
     * Bank transfers one run may expire: each is a read and a write of a few milliseconds, so a thousand fit
     * well within the function's 55 s.
     */
    static final int TRANSFER_EXPIRIES = 1000;

    private final RefundSettler refunds;
    private final AuthorizationExpirer authorizations;
    private final BankTransferExpirer transfers;

    public ScheduledSettlement(RefundSettler refunds, AuthorizationExpirer authorizations,
            BankTransferExpirer transfers) {
        this.refunds = refunds;
        this.authorizations = authorizations;
        this.transfers = transfers;
    }

    public Report run() {
        int settled = 0;
        int canceled = 0;
        RuntimeException failure = null;
        try {
            settled = refunds.settle(BATCH);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            canceled = authorizations.cancelExpired(BATCH);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        int expired = 0;
        try {
            expired = transfers.expireDue(TRANSFER_EXPIRIES);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Report(settled, canceled, expired);
    }

    /** What one run did. */
    public record Report(int settledRefunds, int canceledAuthorizations, int expiredBankTransfers) {
    }
}
