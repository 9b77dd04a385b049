package com.circoflows.client;

import com.circoflows.client.model.TestCredit;
import com.circoflows.client.model.TestFundParams;
import com.circoflows.client.model.TestWalletToken;
import com.circoflows.client.model.TestWalletTokenParams;

/** {@code /api/test}: what only test keys may do (a live key is refused with 403 test_mode_only). */
public final class TestHelperService {
    private final ApiRequestor requestor;

    TestHelperService(ApiRequestor requestor) {
        this.requestor = requestor;
    }

    /** A genuine Apple Pay or Google Pay token for a test card; each token pays once. */
    @ApiOperation("mintTestWalletToken")
    public TestWalletToken mintWalletToken(TestWalletTokenParams params) {
        return mintWalletToken(params, RequestOptions.none());
    }

    @ApiOperation("mintTestWalletToken")
    public TestWalletToken mintWalletToken(TestWalletTokenParams params, RequestOptions options) {
        return requestor.post("/api/test/wallet-tokens", params, options, TestWalletToken.class);
    }

    /**
     * Pays a test bank transfer as the payer's bank would. The answer (202) says what was put on the bank
     * credit feed, not what it did: read the payment afterwards.
     */
    @ApiOperation("fundTestBankTransfer")
    public TestCredit fundBankTransfer(String transactionId, TestFundParams params) {
        return fundBankTransfer(transactionId, params, RequestOptions.none());
    }

    @ApiOperation("fundTestBankTransfer")
    public TestCredit fundBankTransfer(String transactionId, TestFundParams params, RequestOptions options) {
        return requestor.post("/api/test/bank-transfers/" + UrlParts.segment(transactionId) + "/fund", params,
                options, TestCredit.class);
    }
}
