package com.circoflows.benchmarks;

import static com.circoflows.testsupport.SampleEvents.event;
import static com.circoflows.testsupport.SampleEvents.withApiKey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.observability.JsonLog;
import com.circoflows.functions.directpayment.create.CreateDirectPaymentHandler;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.LambdaInvocations;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A warm container's POST /api/direct-payment, in-process: the real CreateDirectPaymentHandler wired
 * as its no-arg constructor wires it from template.yaml (plus a timer on its SDK clients), invoked
 * with the events/ sample against DynamoDB Local and ElasticMQ. Each invocation's time is split into
 * the DynamoDB/SQS calls and the rest, which is our own code (event parsing, validation, fraud rules,
 * the gateway simulator, JSON rendering). Usage: WarmLatencyBenchmark [requests=2000] [warmup=500].
 */
public final class WarmLatencyBenchmark {
    private static final String FUNCTION = "CreateDirectPaymentFunction";
    private static final String SAMPLE = "direct-payment-create/success.json";

    private WarmLatencyBenchmark() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        AwsCallTimer timer = new AwsCallTimer();
        // The request log lines are still built (their cost is ours), but not printed over the report.
        JsonLog.redirectTo(new PrintStream(OutputStream.nullOutputStream()));
        try (HandlerStack handlerStack = HandlerStack.start()) {
            CreateDirectPaymentHandler handler = warmHandler(handlerStack, timer);
            BenchmarkKeys warmupKeys = new BenchmarkKeys(handlerStack.localStack(), warmup);
            for (int i = 0; i < warmup; i++) {
                invoke(handler, warmupKeys.keyFor(i));
            }
            // Each measured key verified once (key table read) and its merchant's risk settings cached, as in
            // a container that has served the merchant before; that payment counts in the key's budget.
            BenchmarkKeys keys = new BenchmarkKeys(handlerStack.localStack(), requests);
            for (String key : keys.all()) {
                invoke(handler, key);
            }
            timer.takeThreadTotals();
            timer.resetOperations();

            long[] total = new long[requests];
            long[] aws = new long[requests];
            long[] wire = new long[requests];
            long[] own = new long[requests];
            long calls = 0;
            int failures = 0;
            for (int i = 0; i < requests; i++) {
                APIGatewayV2HTTPEvent request = withApiKey(event(SAMPLE), keys.keyFor(i));
                long started = System.nanoTime();
                int status = LambdaInvocations.invoke(handler, FUNCTION, request).getStatusCode();
                total[i] = System.nanoTime() - started;
                AwsCallTimer.Totals spent = timer.takeThreadTotals();
                aws[i] = spent.callNanos;
                wire[i] = spent.wireNanos;
                own[i] = total[i] - spent.callNanos;
                calls += spent.calls;
                if (status != 200) {
                    failures++;
                }
            }
            report(requests, warmup, total, aws, wire, own, calls, failures, timer.operations());
        }
        System.exit(0);
    }

    /** What CreateDirectPaymentHandler's no-arg constructor builds, with the timer on every SDK client. */
    private static CreateDirectPaymentHandler warmHandler(HandlerStack handlerStack, AwsCallTimer timer) {
        String templateHandler = handlerStack.functions().function(FUNCTION).handlerClassName();
        if (!templateHandler.equals(CreateDirectPaymentHandler.class.getName())) {
            throw new IllegalStateException(FUNCTION + " runs " + templateHandler + " in template.yaml");
        }
        FunctionWiring wiring = new FunctionWiring(new Settings(handlerStack.functions().environment(FUNCTION)),
                Clock.systemUTC(), List.of(timer));
        return new CreateDirectPaymentHandler(wiring.api().idempotentMerchantApiPipeline(), wiring.payments().createDirectPaymentEndpoint());
    }

    private static void invoke(CreateDirectPaymentHandler handler, String key) {
        int status = LambdaInvocations.invoke(handler, FUNCTION, withApiKey(event(SAMPLE), key)).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("warm-up payment answered " + status);
        }
    }

    private static void report(int requests, int warmup, long[] total, long[] aws, long[] wire, long[] own,
            long calls, int failures, Map<String, double[]> operations) {
        long totalSum = sum(total);
        long awsSum = sum(aws);
        long wireSum = sum(wire);
        Percentiles awsTimes = Percentiles.ofNanos(aws);
        Percentiles ownTimes = Percentiles.ofNanos(own);
        System.out.println("POST /api/direct-payment in-process, warm CreateDirectPaymentHandler (4242..., 200), "
                + requests + " sequential requests after " + warmup + " warm-up");
        System.out.println("  total:                 " + Percentiles.ofNanos(total));
        System.out.printf("  DynamoDB/SQS calls:    p50=%.2f ms p99=%.2f ms per request (%.1f calls per request)%n",
                awsTimes.p50(), awsTimes.p99(), (double) calls / requests);
        System.out.printf("    of which HTTP exchange with the local servers: p50=%.2f ms p99=%.2f ms%n",
                Percentiles.ofNanos(wire).p50(), Percentiles.ofNanos(wire).p99());
        System.out.printf("  our own code (total - calls): p50=%.2f ms p99=%.2f ms%n", ownTimes.p50(), ownTimes.p99());
        System.out.printf("  share of all time: DynamoDB/SQS calls %.1f%% (HTTP exchange %.1f%%, SDK client work %.1f%%),"
                + " our own code %.1f%%%n", 100.0 * awsSum / totalSum, 100.0 * wireSum / totalSum,
                100.0 * (awsSum - wireSum) / totalSum, 100.0 * (totalSum - awsSum) / totalSum);
        System.out.println("  calls per operation and table (count, mean ms):");
        operations.forEach((operation, stats) -> System.out.printf("    %-60s %6.0f  %.2f ms%n",
                operation, stats[0], stats[1]));
        System.out.println("  non-200 responses: " + failures);
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
