package com.circoflows.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.domain.webhook.DeadLetteredEvents;
import java.util.ArrayList;
import java.util.List;

/** Dead-lettered delivery jobs: each event is marked failed; the message stays in the DLQ if that fails. */
public final class DeadLetterBatch {
    private final DeadLetteredEvents deadLettered;

    public DeadLetterBatch(DeadLetteredEvents deadLettered) {
        this.deadLettered = deadLettered;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                String eventId = WebhookJobBatch.JobMessages.eventId(message);
                if (eventId == null) {
                    continue;
                }
                try {
                    deadLettered.markFailed(eventId);
                } catch (RuntimeException e) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }
}
