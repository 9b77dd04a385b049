package com.circoflows.api.banktransfers;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.api.payments.RequestFields;
import com.circoflows.api.payments.TransactionIds;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditIds;
import com.circoflows.domain.banktransfer.TestTransferFunding;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.time.Timestamps;
import com.circoflows.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/test/bank-transfers/{transaction_id}/fund with {"amount"?, "reference"?}: test keys only. Puts a
 * credit on the bank credit feed and answers 202: the payment changes when the feed's consumer applies it,
 * a moment later, as it would when a real bank reports the money.
 */
public final class FundTestBankTransferEndpoint implements MerchantEndpoint {
    private static final Set<String> FIELDS = Set.of("amount", "reference");
    private static final String BANK_REFERENCE_PREFIX = "TEST-";

    private final TestTransferFunding funding;

    public FundTestBankTransferEndpoint(TestTransferFunding funding) {
        this.funding = funding;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.PAYMENTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        String transactionId = TransactionIds.fromPath(request.pathParameter("transaction_id"));
        JsonObject body = RequestFields.optionalObject(request.body());
        RequestFields.rejectUnknown(body, FIELDS, null);
        Long amount = RequestFields.optionalPositiveAmount(body, "amount");
        String reference = RequestFields.optionalLabel(body, "reference", 140);
        TestTransferFunding.Funded funded = funding.fund(caller, transactionId, amount, reference,
                request.newObjectId(BANK_REFERENCE_PREFIX));
        BankCredit credit = funded.credit();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", transactionId);
        data.put("credit_id", BankCreditIds.of(credit.bankReference()));
        data.put("bank_reference", credit.bankReference());
        data.put("amount", credit.amount().minorUnits());
        data.put("currency", credit.amount().currencyCode());
        data.put("reference", credit.reference());
        data.put("virtual_account", credit.virtualAccount());
        data.put("payer_name", credit.payerName());
        data.put("received_at", Timestamps.format(credit.receivedAt()));
        data.put("deliveries", funded.deliveries());
        return Envelope.ok(202, "Test credit sent to the bank credit feed", data);
    }
}
