package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.error.RetryableFailure;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sorts SDK failures that survive the SDK's own retries: throttling, 5xx and network trouble may
 * pass, so the caller gets a retryable failure (503); a refused condition or a 4xx (a missing
 * table, an invalid request) will not, so it surfaces as a bug (500) and sets off alarms.
 */
final class DynamoCalls {
    private DynamoCalls() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("DynamoDB " + operation + " refused by its condition", e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new RetryableFailure("DynamoDB " + operation + " failed: " + e.getClass().getSimpleName(), e);
            }
            throw new IllegalStateException("DynamoDB " + operation + " rejected: " + e.getClass().getSimpleName(), e);
        } catch (SdkClientException e) {
            throw new RetryableFailure("DynamoDB " + operation + " failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
