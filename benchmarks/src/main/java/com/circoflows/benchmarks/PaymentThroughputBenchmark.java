package com.circoflows.benchmarks;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Local runner throughput for POST /api/direct-payment over real HTTP at 1, 8 and 32 concurrent
 * clients, one runner for all three levels after one warm-up. Every process (runner, DynamoDB
 * Local, ElasticMQ, clients) shares the machine's cores, so this is the local stack's capacity, not
 * Lambda's. Usage: PaymentThroughputBenchmark [payments-per-level=800] [warmup=300].
 */
public final class PaymentThroughputBenchmark {
    private static final int[] CONCURRENCY = {1, 8, 32};

    private PaymentThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<HttpPayments.Run> runs = new ArrayList<>();
        try (LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
            HttpPayments payments = new HttpPayments(runner);
            payments.warmUp(warmup);
            for (int concurrency : CONCURRENCY) {
                runs.add(payments.run(perLevel, concurrency));
            }
        }
        System.out.println("POST /api/direct-payment via local runner (4242..., 200 completed), " + perLevel
                + " payments per level after " + warmup + " warm-up, " + Runtime.getRuntime().availableProcessors()
                + " cores");
        runs.forEach(run -> System.out.println("  " + run));
        System.exit(0);
    }
}
