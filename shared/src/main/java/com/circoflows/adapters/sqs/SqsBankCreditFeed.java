package com.circoflows.adapters.sqs;

import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditFeed;
import com.circoflows.domain.error.RetryableFailure;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts credits on the bank credits queue, as the bank side does: test mode's funding goes the same way. */
public final class SqsBankCreditFeed implements BankCreditFeed {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBankCreditFeed(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void deliver(BankCredit credit) {
        try {
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(BankCreditMessages.write(credit)));
        } catch (SdkException e) {
            throw new RetryableFailure("SQS SendMessage failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
