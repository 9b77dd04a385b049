package com.circoflows.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Makes one chosen AWS SDK call fail, inside the real clients the adapters use, so a test sees exactly
 * what production code sees when DynamoDB or SQS misbehaves. Each planned fault hits the next call
 * that matches it (operation, and table where given), once; {@link #unfired()} tells a test whether
 * its fault really happened.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Fault> FAULT = new ExecutionAttribute<>("injected-fault");

    private final List<Planned> planned = new ArrayList<>();
    private final List<String> fired = new ArrayList<>();

    /** What goes wrong with the call. */
    public enum Fault {
        /** The call goes through untouched: planned first, it aims the next fault at a later call. */
        PASS,
        /** Every attempt is throttled (ProvisionedThroughputExceeded), the SDK's retries included; nothing is written. */
        THROTTLED,
        /** TransactWriteItems cancelled because DynamoDB throttled one of its items (not retried by the SDK). */
        TRANSACTION_THROTTLED,
        /** The write's condition refuses it (for TransactWriteItems: the first item's); nothing is written. */
        CONDITION_FAILED,
        /** The service can't be reached on any attempt (connection refused); nothing happens. */
        UNREACHABLE,
        /** The invocation dies just before the call: it never happens. */
        CRASH_BEFORE,
        /** The call happens, and the invocation dies as its answer arrives. */
        CRASH_AFTER
    }

    private record Planned(Fault fault, String operation, String table) {
        boolean matches(String calledOperation, Optional<String> calledTable) {
            return operation.equals(calledOperation) && (table == null || calledTable.filter(table::equals).isPresent());
        }

        @Override
        public String toString() {
            return fault + " on " + operation + (table == null ? "" : " " + table);
        }
    }

    /** The next call of {@code operation} (e.g. "TransactWriteItems", "SendMessage") suffers {@code fault}. */
    public synchronized FaultInjector inject(Fault fault, String operation) {
        planned.add(new Planned(fault, operation, null));
        return this;
    }

    /** The next call of {@code operation} on {@code table} (its physical name) suffers {@code fault}. */
    public synchronized FaultInjector inject(Fault fault, String operation, String table) {
        planned.add(new Planned(fault, operation, table));
        return this;
    }

    /** Faults planned but not yet met by a matching call. */
    public synchronized List<String> unfired() {
        return planned.stream().map(Planned::toString).toList();
    }

    /** The faults that happened, in order. */
    public synchronized List<String> fired() {
        return List.copyOf(fired);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Planned due = take(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
        if (due == null) {
            return;
        }
        if (due.fault() == Fault.CRASH_BEFORE) {
            throw new SimulatedCrash("before " + due.operation());
        }
        attributes.putAttribute(FAULT, due.fault());
    }

    /** Runs once per attempt, so a failure thrown here meets the SDK's retry policy like a real one. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(FAULT);
        if (fault == null) {
            return;
        }
        switch (fault) {
            case THROTTLED -> throw ProvisionedThroughputExceededException.builder()
                    .message("Injected: the level of configured provisioned throughput for the table was exceeded")
                    .statusCode(400)
                    .awsErrorDetails(details("ProvisionedThroughputExceededException"))
                    .build();
            case TRANSACTION_THROTTLED -> throw cancelled("ThrottlingError");
            case CONDITION_FAILED -> throw "TransactWriteItems".equals(attributes.getAttribute(
                    SdkExecutionAttribute.OPERATION_NAME))
                    ? cancelled("ConditionalCheckFailed")
                    : ConditionalCheckFailedException.builder().message("Injected: the conditional request failed")
                            .statusCode(400).awsErrorDetails(details("ConditionalCheckFailedException")).build();
            case UNREACHABLE -> throw SdkClientException.create("Injected: unable to execute HTTP request: "
                    + "Connection refused");
            default -> {
            }
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(FAULT) == Fault.CRASH_AFTER) {
            throw new SimulatedCrash("after " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    private synchronized Planned take(String operation, SdkRequest request) {
        Optional<String> table = request.getValueForField("TableName", String.class);
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).matches(operation, table)) {
                Planned due = planned.remove(i);
                fired.add(due.toString());
                return due;
            }
        }
        return null;
    }

    private static TransactionCanceledException cancelled(String firstItemReason) {
        return TransactionCanceledException.builder()
                .message("Injected: transaction cancelled [" + firstItemReason + ", None]")
                .statusCode(400)
                .awsErrorDetails(details("TransactionCanceledException"))
                .cancellationReasons(CancellationReason.builder().code(firstItemReason).build(),
                        CancellationReason.builder().code("None").build())
                .build();
    }

    private static AwsErrorDetails details(String errorCode) {
        return AwsErrorDetails.builder().errorCode(errorCode).serviceName("DynamoDb").build();
    }
}
