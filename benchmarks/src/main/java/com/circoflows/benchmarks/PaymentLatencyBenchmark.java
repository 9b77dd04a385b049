package com.circoflows.benchmarks;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;

/**
 * POST /api/direct-payment through the local runner over real HTTP: end-to-end latency as a client
 * sees it. Starts its own in-memory runner. Usage: PaymentLatencyBenchmark [requests=600] [concurrency=1].
 */
public final class PaymentLatencyBenchmark {
    private PaymentLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
            HttpPayments payments = new HttpPayments(runner);
            payments.warmUp(200);
            HttpPayments.Run run = payments.run(requests, concurrency);
            System.out.println("POST /api/direct-payment via local runner (4242..., 200 completed), concurrency "
                    + concurrency);
            System.out.println("  " + run.latency());
            System.out.printf("  throughput %.0f payments/s, non-200 responses: %d%n", run.paymentsPerSecond(),
                    run.failures());
        }
        System.exit(0);
    }
}
