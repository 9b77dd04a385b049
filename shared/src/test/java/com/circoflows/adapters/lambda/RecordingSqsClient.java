package com.circoflows.adapters.lambda;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;

/** The one SQS call the delivery batch makes, recorded; every other call is unsupported. */
final class RecordingSqsClient implements SqsClient {
    private final List<ChangeMessageVisibilityRequest> visibilityChanges = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        visibilityChanges.add(request);
        if (failure != null) {
            throw failure;
        }
        return ChangeMessageVisibilityResponse.builder().build();
    }

    synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    synchronized List<ChangeMessageVisibilityRequest> visibilityChanges() {
        return List.copyOf(visibilityChanges);
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
