package com.circoflows.adapters.aws;

import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@link SdkRequestTypes} for the webhook job's SendMessage. A class of its own: only the functions
 * that queue jobs hold the SQS client in their jar, and only they may load this.
 */
public final class SqsRequestTypes {
    private SqsRequestTypes() {
    }

    public static void loadSend() {
        SendMessageRequest.builder().queueUrl("priming").messageBody("{}").build();
        SdkRequestTypes.load("software.amazon.awssdk.services.sqs.transform.", "SendMessageRequestMarshaller");
    }
}
