package com.circoflows.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every DynamoDB and SQS call made on the calling thread, inside the real SDK clients of a
 * handler's wiring: the whole call (marshalling, signing, retries, the HTTP exchange, unmarshalling)
 * and, within it, the HTTP exchange alone. A benchmark reads and resets the thread's totals around
 * each invocation to split the invocation's time into AWS calls and our own code.
 */
final class AwsCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> CALL_STARTED = new ExecutionAttribute<>("benchmark-call-started");
    private static final ExecutionAttribute<String> OPERATION = new ExecutionAttribute<>("benchmark-operation");
    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("benchmark-request-sent");

    private final ThreadLocal<Totals> totals = ThreadLocal.withInitial(Totals::new);
    private final Map<String, LongAdder> callsByOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanosByOperation = new ConcurrentHashMap<>();

    /** What the thread's calls took since the last {@link #takeThreadTotals()}. */
    static final class Totals {
        long callNanos;
        long wireNanos;
        int calls;
    }

    /** The thread's totals since the last take, and a fresh start for the next invocation. */
    Totals takeThreadTotals() {
        Totals taken = totals.get();
        totals.set(new Totals());
        return taken;
    }

    /** Calls and mean duration per operation and table ("DynamoDb.UpdateItem circoflows-...-RiskCounters"), since the last {@link #resetOperations()}. */
    Map<String, double[]> operations() {
        Map<String, double[]> byOperation = new TreeMap<>();
        callsByOperation.forEach((operation, calls) -> byOperation.put(operation,
                new double[] {calls.sum(), nanosByOperation.getOrDefault(operation, new LongAdder()).sum() / 1e6 / calls.sum()}));
        return byOperation;
    }

    void resetOperations() {
        callsByOperation.clear();
        nanosByOperation.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                + context.request().getValueForField("TableName", String.class).map(table -> " " + table).orElse("");
        attributes.putAttribute(OPERATION, operation);
        attributes.putAttribute(CALL_STARTED, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(SENT);
        if (sent != null) {
            totals.get().wireNanos += System.nanoTime() - sent;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finished(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finished(attributes);
    }

    private void finished(ExecutionAttributes attributes) {
        long nanos = System.nanoTime() - attributes.getAttribute(CALL_STARTED);
        Totals thread = totals.get();
        thread.callNanos += nanos;
        thread.calls++;
        String operation = attributes.getAttribute(OPERATION);
        callsByOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
        nanosByOperation.computeIfAbsent(operation, o -> new LongAdder()).add(nanos);
    }
}
