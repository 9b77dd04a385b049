package com.circoflows.adapters.dynamodb;

import com.circoflows.domain.error.RetryableFailure;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sorts SDK failures that survive the SDK's own retries: throttling, 5xx and network trouble may
 * pass, so the caller gets a retryable failure (503); a refused condition or a 4xx (a missing
 * table, an invalid request) will not, so it surfaces as a bug (500) and sets off alarms.
 */
final class DynamoCalls {
    /**
     * Why DynamoDB may cancel a TransactWriteItems that a retry can get through: throttled, or another
     * transaction on the same item. The SDK does not retry a cancelled transaction itself.
     */
    private static final Set<String> PASSING_CANCELLATIONS =
            Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict");

    private DynamoCalls() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("DynamoDB " + operation + " refused by its condition", e);
        } catch (TransactionCanceledException e) {
            boolean passing = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> PASSING_CANCELLATIONS.contains(reason.code()));
            if (passing) {
                throw new RetryableFailure("DynamoDB " + operation + " cancelled: " + reasons(e), e);
            }
            throw new IllegalStateException("DynamoDB " + operation + " cancelled: " + reasons(e), e);
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new RetryableFailure("DynamoDB " + operation + " failed: " + e.getClass().getSimpleName(), e);
            }
            throw new IllegalStateException("DynamoDB " + operation + " rejected: " + e.getClass().getSimpleName(), e);
        } catch (SdkClientException e) {
            throw new RetryableFailure("DynamoDB " + operation + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Runs a conditional write: true when it happened, false when its condition refused it. */
    static boolean conditionally(String operation, Supplier<?> write) {
        return call(operation, () -> {
            try {
                write.get();
                return true;
            } catch (ConditionalCheckFailedException refused) {
                return false;
            }
        });
    }

    private static String reasons(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons()
                ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList().toString()
                : "no reasons";
    }

    /** Whether the {@code index}th write of the cancelled transaction was refused by its condition. */
    static boolean conditionFailed(TransactionCanceledException cancelled, int index) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(index).code());
    }
}
