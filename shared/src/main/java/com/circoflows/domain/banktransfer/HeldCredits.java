package com.circoflows.domain.banktransfer;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.AuthenticatedKey;
import java.time.Clock;

/**
 * The merchant's side of held credits: see them, or send one back to the payer ({@link HeldCreditAssignment}
 * assigns one to a payment). Each decision is one conditional write on the credit still being held, so a
 * credit is assigned or returned once, whoever clicks at the same time.
 */
public final class HeldCredits {
    static final String RETURN_PREFIX = "otr_";

    private final BankCreditLedger ledger;
    private final Clock clock;

    public HeldCredits(BankCreditLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public BankCreditLedger.Page list(AuthenticatedKey caller, int limit, String cursor) {
        return ledger.listHeld(caller.merchantId(), caller.mode(), limit, cursor);
    }

    /** @throws ApiException bank_credit_not_found (404) for a credit not the caller's, or nobody's */
    public RecordedCredit get(AuthenticatedKey caller, String creditId) {
        return ledger.find(creditId).filter(credit -> credit.belongsTo(caller.merchantId(), caller.mode()))
                .orElseThrow(() -> new ApiException(ErrorCode.BANK_CREDIT_NOT_FOUND));
    }

    /**
     * Sends a held credit back to the payer as an outbound transfer. In test mode the transfer is sent at
     * once; there is no payer bank to wait for.
     */
    public RecordedCredit returnToPayer(AuthenticatedKey caller, String creditId) {
        RecordedCredit credit = requireHeld(get(caller, creditId));
        String returnId = RETURN_PREFIX + credit.creditId().substring(BankCreditIds.PREFIX.length());
        if (ledger.markReturned(credit, returnId, clock.instant()) == BankCreditLedger.Write.DUPLICATE) {
            throw new ApiException(ErrorCode.BANK_CREDIT_NOT_HELD);
        }
        return ledger.find(creditId).orElseThrow();
    }

    static RecordedCredit requireHeld(RecordedCredit credit) {
        if (credit.outcome() != RecordedCredit.Outcome.HELD) {
            throw new ApiException(ErrorCode.BANK_CREDIT_NOT_HELD);
        }
        return credit;
    }
}
