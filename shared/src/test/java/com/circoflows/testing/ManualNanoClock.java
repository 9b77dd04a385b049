package com.circoflows.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A System.nanoTime stand-in for caches with a TTL. */
public final class ManualNanoClock implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }
}
