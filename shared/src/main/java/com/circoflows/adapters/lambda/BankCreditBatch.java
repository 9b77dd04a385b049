package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.banktransfer.BankCreditService;
import com.circoflows.observability.JsonLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SQS batch of bank credits, one at a time (credits to one payment then never race each other in
 * here). A credit that could not be recorded is reported as a batch item failure: SQS delivers it again,
 * and after the queue's maxReceiveCount moves it to the dead-letter queue, where it waits for a person.
 * An unreadable message is never deleted either: it goes the same way, its content never logged.
 */
public final class BankCreditBatch {
    private static final JsonLog LOG = JsonLog.get(BankCreditBatch.class);

    private final BankCreditService credits;

    public BankCreditBatch(BankCreditService credits) {
        this.credits = credits;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (!process(message)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean process(SQSEvent.SQSMessage message) {
        BankCredit credit;
        try {
            credit = BankCreditMessages.read(message.getBody());
        } catch (BankCreditMessages.UnreadableCredit e) {
            LOG.warn("bank_credit_unreadable", Map.of("message_id", String.valueOf(message.getMessageId()),
                    "reason", e.getMessage()));
            return false;
        }
        try {
            credits.receive(credit);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("bank_credit_not_recorded", Map.of("message_id", String.valueOf(message.getMessageId()),
                    "bank_reference", credit.bankReference(), "reason", e.getClass().getSimpleName()));
            return false;
        }
    }
}
