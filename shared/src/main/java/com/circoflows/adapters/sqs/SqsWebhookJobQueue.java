package com.circoflows.adapters.sqs;

import com.circoflows.json.Json;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.webhook.WebhookEvent;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A job names the event; the delivery function reads the event itself, so a job holds no payment data. */
public final class SqsWebhookJobQueue implements com.circoflows.domain.webhook.WebhookJobQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWebhookJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The job body's flag for {@link #enqueueOneAttempt}. */
    public static final String ONE_ATTEMPT = "one_attempt";
    /** The job body's retry chain and schedule position for {@link #resumeRetries}. */
    public static final String RETRY_CHAIN = "retry_chain";
    public static final String SCHEDULE_POSITION = "schedule_position";

    @Override
    public void enqueue(WebhookEvent event) {
        send(Json.write(Map.of("event_id", event.eventId(), "merchant_id", event.merchantId())));
    }

    @Override
    public void enqueueOneAttempt(WebhookEvent event) {
        send(Json.write(Map.of("event_id", event.eventId(), "merchant_id", event.merchantId(), ONE_ATTEMPT, true)));
    }

    @Override
    public void resumeRetries(WebhookEvent event, String chainId, int schedulePosition) {
        send(Json.write(Map.of("event_id", event.eventId(), "merchant_id", event.merchantId(),
                RETRY_CHAIN, chainId, SCHEDULE_POSITION, schedulePosition)));
    }

    private void send(String body) {
        try {
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw new RetryableFailure("SQS SendMessage failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
