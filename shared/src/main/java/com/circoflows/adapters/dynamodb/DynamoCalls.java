package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.error.RetryableFailure;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** SDK failures that survive the SDK's own retries become retryable failures for the caller. */
final class DynamoCalls {
    private DynamoCalls() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new RetryableFailure("DynamoDB " + operation + " failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
