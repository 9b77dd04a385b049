package com.circoflows.localrunner;

import java.util.concurrent.CountDownLatch;

/** bin/run-local: starts the API on http://localhost:3000 (127.0.0.1 only, unless HOST) and prints how to call it. */
public final class LocalRunnerMain {
    private LocalRunnerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalRunnerOptions options = LocalRunnerOptions.fromEnvironment();
        long started = System.nanoTime();
        LocalRunner runner;
        try {
            runner = LocalRunner.start(options);
        } catch (RuntimeException e) {
            System.err.println("CircoFlows local runner could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "local-runner-shutdown"));

        String key = runner.demoApiKey();
        System.out.printf("""

                CircoFlows Payments is running locally (started in %.1f s)
                  API:              %s (listening on %s; HOST changes it)
                  Demo merchant:    %s (%s)
                  Test API key:     %s
                  Webhook secret:   %s
                  DynamoDB Local:   %s
                  SQS (ElasticMQ):  %s
                  Data folder:      %s
                  Function logs:    %s (as on stdout; bin/circoflows logs --follow)
                  Functions:        %s

                Try it:
                  curl -H "Authorization: Bearer %s" %s/api/health

                Press Ctrl+C to stop.
                %n""",
                (System.nanoTime() - started) / 1e9, runner.baseUrl(),
                runner.address().getAddress().getHostAddress() + ":" + runner.port(), runner.demoMerchantId(),
                DemoMerchant.NAME,
                key, runner.demoWebhookSecret(), runner.stack().dynamoDb().endpoint(), runner.stack().sqs().endpoint(), options.dataDir(),
                runner.functionLogFile(), String.join(", ", runner.functionNames()), key, runner.baseUrl());
        stopped.await();
    }
}
