package com.circoflows.benchmarks;

import com.circoflows.localrunner.LocalRunner;
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
 * POST /api/direct-payment over real HTTP to a running local runner, as a client sees it (HTTP front,
 * event building, handler, DynamoDB Local, ElasticMQ): one warm-up, then runs of n payments by c
 * concurrent clients, each on keys of its own. Shared by payment-latency and payment-throughput.
 */
final class HttpPayments {
    /** A payment the gateway simulator approves at once (4242...): 200 completed, and its payment.succeeded. */
    static final String PAYMENT = """
            {"amount":1000,"currency":"USD","payment_method":"card","card_number":"4242424242424242",
             "expiry_month":"12","expiry_year":"2030","cvv":"123"}""";

    private final LocalRunner runner;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one run measured. */
    record Run(int concurrency, Percentiles latency, double paymentsPerSecond, int failures) {
        @Override
        public String toString() {
            return String.format("concurrency %2d: %.0f payments/s, %s, non-200 responses: %d",
                    concurrency, paymentsPerSecond, latency, failures);
        }
    }

    HttpPayments(LocalRunner runner) {
        this.runner = runner;
    }

    /** Warms the JIT and the runner's handlers on keys of their own. */
    void warmUp(int payments) throws Exception {
        BenchmarkKeys warmupKeys = new BenchmarkKeys(runner, payments);
        for (int i = 0; i < payments; i++) {
            pay(warmupKeys.keyFor(i));
        }
    }

    /**
     * {@code payments} payments by {@code concurrency} clients, each key first used for one payment that
     * is not timed, as in a warm container that has served the merchant before: the key's
     * verification against the table (measured by ApiKeyVerificationBenchmark) and the first read of
     * the merchant's risk settings stay out of the figures. It must be a payment: each function has its
     * own key cache, so another route's call (the health check this used before) leaves the create
     * function's cache empty. The untimed
     * payment counts in the key's budget (90 + 1 under the limit of 100 a minute).
     */
    Run run(int payments, int concurrency) throws Exception {
        BenchmarkKeys keys = new BenchmarkKeys(runner, payments);
        for (String key : keys.all()) {
            int status = pay(key);
            if (status != 200) {
                throw new IllegalStateException("the first payment of a benchmark key answered " + status);
            }
        }
        long[] latencies = new long[payments];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            Future<?>[] workers = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < payments; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        int status = pay(keys.keyFor(i));
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
            return new Run(concurrency, Percentiles.ofNanos(latencies), payments / seconds, failures.get());
        } finally {
            pool.shutdown();
        }
    }

    private int pay(String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/direct-payment"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PAYMENT))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
