package com.circoflows.client;

import java.time.Duration;

/** Waits between retries; tests record the waits instead of taking them. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
