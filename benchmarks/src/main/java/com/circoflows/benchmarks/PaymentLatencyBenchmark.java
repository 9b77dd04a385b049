package com.circoflows.benchmarks;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /api/direct-payment through the local runner over real HTTP: end-to-end latency as a client
 * sees it (HTTP front, event building, handler, DynamoDB Local, ElasticMQ). Starts its own
 * in-memory runner. Usage: PaymentLatencyBenchmark [requests=600] [concurrency=1].
 */
public final class PaymentLatencyBenchmark {
    private static final String PAYMENT = """
            {"amount":1000,"currency":"USD","payment_method":"card","card_number":"4242424242424242",
             "expiry_month":"12","expiry_year":"2030","cvv":"123"}""";

    private PaymentLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int warmup = 200;
        try (LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // Warm the JIT on keys of their own, then verify each measured key once, as a warm
            // container would have: bcrypt is measured by ApiKeyVerificationBenchmark, not here.
            BenchmarkKeys warmupKeys = new BenchmarkKeys(runner, warmup);
            for (int i = 0; i < warmup; i++) {
                pay(client, runner.baseUrl(), warmupKeys.keyFor(i));
            }
            BenchmarkKeys keys = new BenchmarkKeys(runner, requests);
            for (String key : keys.all()) {
                health(client, runner.baseUrl(), key);
            }

            long[] latencies = new long[requests];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long started = System.nanoTime();
            Future<?>[] workers = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        int status = pay(client, runner.baseUrl(), keys.keyFor(i));
                        latencies[i] = System.nanoTime() - start;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            System.out.println("POST /api/direct-payment via local runner (4242..., 200 completed), concurrency "
                    + concurrency);
            System.out.println("  " + Percentiles.ofNanos(latencies));
            System.out.printf("  throughput %.0f payments/s, non-200 responses: %d%n", requests / seconds, failures.get());
        }
        System.exit(0);
    }

    private static void health(HttpClient client, String baseUrl, String key) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding());
    }

    static int pay(HttpClient client, String baseUrl, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/direct-payment"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PAYMENT))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
