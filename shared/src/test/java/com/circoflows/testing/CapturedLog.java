package com.circoflows.testing;

import com.circoflows.observability.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends JsonLog output to memory for the duration of a test (and keeps test output quiet). JsonLog has
 * one sink per JVM and unit test classes run two at a time, so a class that captures is {@code @Isolated}:
 * nothing else logs into its buffer or takes the sink from it meanwhile.
 */
public final class CapturedLog implements AutoCloseable {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private CapturedLog() {
        JsonLog.redirectTo(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        JsonLog.redirectTo(System.out);
    }
}
