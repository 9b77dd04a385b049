package com.circoflows.adapters.lambda;

import com.circoflows.adapters.sqs.SqsWebhookJobQueue;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.circoflows.json.Json;
import com.circoflows.domain.webhook.DeliveryDecision;
import com.circoflows.domain.webhook.WebhookDeliveryService;
import com.circoflows.observability.JsonLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One SQS batch of delivery jobs, delivered in parallel. A job to retry is reported as a batch item
 * failure after its visibility timeout is set to the schedule's next delay, so SQS hands it back
 * exactly then; after maxReceiveCount receives SQS moves it to the dead-letter queue.
 */
public final class WebhookJobBatch {
    private static final JsonLog LOG = JsonLog.get(WebhookJobBatch.class);
    /**
     * SQS refuses a visibility timeout that reaches past 12 h from the receive, and the receive was a
     * few seconds (at most the function timeout) ago: stay a margin below, so a 12 h step lands at
     * 11 h 55 min instead of being refused and retried after the default timeout.
     */
    private static final long MAX_VISIBILITY_SECONDS = 43_200 - 300;

    private final WebhookDeliveryService delivery;
    private final SqsClient sqs;
    private final String queueUrl;
    private final ExecutorService workers;

    public WebhookJobBatch(WebhookDeliveryService delivery, SqsClient sqs, String queueUrl, ExecutorService workers) {
        this.delivery = delivery;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.workers = workers;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            outcomes.add(workers.submit(() -> process(message)));
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            boolean done;
            try {
                done = outcomes.get(i).get();
            } catch (Exception e) {
                done = false;
            }
            if (!done) {
                failures.add(new SQSBatchResponse.BatchItemFailure(messages.get(i).getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** True when the job is finished and may be deleted. */
    private boolean process(SQSEvent.SQSMessage message) {
        String eventId = JobMessages.eventId(message);
        if (eventId == null) {
            LOG.warn("webhook_job_unreadable", Map.of("message_id", String.valueOf(message.getMessageId())));
            return true;
        }
        try {
            DeliveryDecision decision = JobMessages.oneAttempt(message)
                    ? delivery.deliverOnce(eventId)
                    : delivery.deliverInChain(eventId, JobMessages.retryChain(message),
                            JobMessages.schedulePositionBefore(message) + JobMessages.receiveCount(message));
            if (decision instanceof DeliveryDecision.RetryAfter retry) {
                long seconds = Math.min(MAX_VISIBILITY_SECONDS, retry.seconds());
                sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                        .receiptHandle(message.getReceiptHandle()).visibilityTimeout((int) seconds));
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            LOG.error("webhook_job_failed", Map.of("event_id", eventId), e);
            return false;
        }
    }

    /** Reading a job message: the body names the event; SQS says how often it was handed out. */
    public static final class JobMessages {
        private JobMessages() {
        }

        public static String eventId(SQSEvent.SQSMessage message) {
            try {
                Object id = Json.readMap(message.getBody()).get("event_id");
                return id instanceof String text && text.startsWith("evt_") ? text : null;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        public static boolean oneAttempt(SQSEvent.SQSMessage message) {
            try {
                return Boolean.TRUE.equals(Json.readMap(message.getBody()).get(SqsWebhookJobQueue.ONE_ATTEMPT));
            } catch (RuntimeException unreadable) {
                return false;
            }
        }

        /** The retry chain a job resumed by the sweeper belongs to; null for an event's first job. */
        public static String retryChain(SQSEvent.SQSMessage message) {
            try {
                Object chain = Json.readMap(message.getBody()).get(SqsWebhookJobQueue.RETRY_CHAIN);
                return chain instanceof String text && text.startsWith("chn_") ? text : null;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        /** How many of the schedule's attempts were made before this job was queued: 0 for an event's first job. */
        public static int schedulePositionBefore(SQSEvent.SQSMessage message) {
            try {
                Object position = Json.readMap(message.getBody()).get(SqsWebhookJobQueue.SCHEDULE_POSITION);
                return position instanceof Number number ? Math.max(0, number.intValue()) : 0;
            } catch (RuntimeException unreadable) {
                return 0;
            }
        }

        public static int receiveCount(SQSEvent.SQSMessage message) {
            String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
            try {
                return count == null ? 1 : Integer.parseInt(count);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
