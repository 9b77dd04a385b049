package com.circoflows.benchmarks.load;

import com.circoflows.localrunner.LocalRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives a running local runner with the mix for the given time, then checks the invariants. Shared
 * by the load command and its short CI run, so CI checks exactly what the command reports.
 */
public final class LoadRun {
    private LoadRun() {
    }

    public static LoadResult run(LocalRunner runner, LoadOptions options) throws Exception {
        LoadApi api = new LoadApi(runner.baseUrl());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<LoadMerchants.LoadMerchant> merchants = LoadMerchants.create(runner, api, receiver,
                    options.concurrency(), options.keysPerClient());
            Observations observations = new Observations();
            ExecutorService clients = Executors.newFixedThreadPool(options.concurrency());
            long started = System.nanoTime();
            long deadline = started + options.duration().toNanos();
            List<Future<Long>> running = new ArrayList<>();
            for (LoadMerchants.LoadMerchant merchant : merchants) {
                running.add(clients.submit(new LoadWorker(api, merchant, observations, deadline)));
            }
            long waited = 0;
            for (Future<Long> client : running) {
                waited += client.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            clients.shutdown();
            InvariantCheck check = new InvariantCheck(runner.stack().dynamoDbClient(),
                    logicalId -> runner.stack().resources().tableName(logicalId));
            return new LoadResult(options, elapsed, observations, check.check(observations, receiver, options.drain()),
                    waited);
        }
    }
}
