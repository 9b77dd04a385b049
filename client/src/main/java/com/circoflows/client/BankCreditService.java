package com.circoflows.client;

import com.circoflows.client.model.AssignBankCreditParams;
import com.circoflows.client.model.BankCredit;
import com.circoflows.client.model.ListParams;

/**
 * {@code /api/bank-credits}: money bank transfer payers sent that no payment took (overpaid, late, past
 * the limit), held until the merchant assigns it to another transfer or sends it back.
 */
public final class BankCreditService {
    private static final String PATH = "/api/bank-credits";

    private final ApiRequestor requestor;

    BankCreditService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /** One page of held credits, newest first. */
    @ApiOperation("listBankCredits")
    public Page<BankCredit> list(ListParams params) {
        return list(params, null);
    }

    /** Every held credit, newest first, fetched page by page as the iteration goes. */
    @ApiOperation("listBankCredits")
    public Iterable<BankCredit> listAll(ListParams params) {
        return new AutoPagingIterable<>(cursor -> list(params, cursor));
    }

    /** A credit whatever its status (held, applied or returned). */
    @ApiOperation("getBankCredit")
    public BankCredit retrieve(String creditId) {
        return requestor.get(PATH + "/" + UrlParts.segment(creditId), BankCredit.class);
    }

    /**
     * Applies a held credit to a pending bank transfer. Of two racing decisions on one credit one wins; the
     * other is 409 {@code bank_credit_not_held}.
     */
    @ApiOperation("assignBankCredit")
    public BankCredit assign(String creditId, AssignBankCreditParams params) {
        return assign(creditId, params, RequestOptions.none());
    }

    @ApiOperation("assignBankCredit")
    public BankCredit assign(String creditId, AssignBankCreditParams params, RequestOptions options) {
        return requestor.post(PATH + "/" + UrlParts.segment(creditId) + "/assign", params, options,
                BankCredit.class);
    }

    /** Sends a held credit back to the payer (status returned, with a return id). */
    @ApiOperation("returnBankCredit")
    public BankCredit returnToPayer(String creditId) {
        return returnToPayer(creditId, RequestOptions.none());
    }

    @ApiOperation("returnBankCredit")
    public BankCredit returnToPayer(String creditId, RequestOptions options) {
        return requestor.post(PATH + "/" + UrlParts.segment(creditId) + "/return", null, options,
                BankCredit.class);
    }

    private Page<BankCredit> list(ListParams params, String cursor) {
        return PageReader.fetch(requestor, PATH, params.toQuery(), cursor, "credits", BankCredit.class);
    }
}
