package com.circoflows.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.circoflows.localstack.LocalLambdaContext;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs in a fresh JVM on a function's deployable jar, as Lambda's runtime would: constructs the
 * handler through its no-arg constructor (init), then makes one invocation, and prints one result
 * line. Between the two it reads the event and makes the context, which is the runtime's work, not
 * the function's.
 *
 * <p>{@code ColdStartProbe <handler class> <invocation file> <function name>}
 */
public final class ColdStartProbe {
    static final String RESULT_PREFIX = "cold-start-probe ";

    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainEnteredEpochMillis = System.currentTimeMillis();
        long initStarted = System.nanoTime();
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        long initNanos = System.nanoTime() - initStarted;

        Object event = InvocationFile.read(Path.of(args[1]));
        LocalLambdaContext context = new LocalLambdaContext(UUID.randomUUID().toString(), args[2], 1024);
        long invokeStarted = System.nanoTime();
        Object response = handler.handleRequest(event, context);
        long invokeNanos = System.nanoTime() - invokeStarted;

        System.out.println(RESULT_PREFIX + "main_epoch_ms=" + mainEnteredEpochMillis + " init_ns=" + initNanos
                + " invoke_ns=" + invokeNanos + " outcome=" + outcome(response));
        System.out.flush();
        // Non-daemon threads an SDK may leave (connection reapers) must not keep the probe alive.
        System.exit(0);
    }

    private static String outcome(Object response) {
        if (response instanceof APIGatewayV2HTTPResponse http) {
            return "http_" + http.getStatusCode();
        }
        if (response instanceof SQSBatchResponse batch) {
            return "sqs_failures_" + batch.getBatchItemFailures().size();
        }
        return "returned";
    }
}
