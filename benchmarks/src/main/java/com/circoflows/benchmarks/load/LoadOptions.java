package com.circoflows.benchmarks.load;

import java.time.Duration;

/**
 * How hard and how long to drive the local runner.
 *
 * @param keysPerClient each client's merchant gets this many API keys and spreads its calls over
 *     them, so the per-key rate limit (100 per minute) shapes no result
 * @param drain how long to wait after the last request for every webhook to be delivered
 */
public record LoadOptions(Duration duration, int concurrency, int keysPerClient, Duration drain) {

    public LoadOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        if (concurrency < 1 || keysPerClient < 1) {
            throw new IllegalArgumentException("concurrency and keys per client must be at least 1");
        }
    }

    /** {@code [seconds=60] [concurrency=32]}, the figures by default. */
    public static LoadOptions fromArguments(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        return new LoadOptions(Duration.ofSeconds(seconds), concurrency, 2, Duration.ofSeconds(120));
    }
}
