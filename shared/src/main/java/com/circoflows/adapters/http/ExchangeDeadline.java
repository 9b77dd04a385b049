package com.circoflows.adapters.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A hard limit on one whole HTTP exchange. Connect and read timeouts only bound each wait, so an
 * endpoint that drips a byte every few seconds would hold a delivery thread forever; when the
 * deadline passes, the watchdog closes the connection under the caller, whatever it is waiting on.
 */
final class ExchangeDeadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;
    private volatile HttpURLConnection connection;
    private volatile Socket socket;

    private ExchangeDeadline(Duration timeout) {
        this.alarm = WATCHDOG.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ExchangeDeadline start(Duration timeout) {
        return new ExchangeDeadline(timeout);
    }

    void watch(HttpURLConnection watched) {
        connection = watched;
        if (expired) {
            watched.disconnect();
        }
    }

    /**
     * HttpURLConnection.disconnect() cannot interrupt the TLS handshake (the connection has no
     * client yet), so the raw socket is watched too.
     */
    void watch(Socket watched) {
        socket = watched;
        if (expired) {
            closeQuietly(watched);
        }
    }

    boolean expired() {
        return expired;
    }

    /** For the gaps where nothing is blocked on the connection, so closing it would go unnoticed. */
    void throwIfExpired() throws SocketTimeoutException {
        if (expired) {
            throw new SocketTimeoutException("exchange deadline passed");
        }
    }

    @Override
    public void close() {
        alarm.cancel(false);
    }

    private void expire() {
        expired = true;
        closeQuietly(socket);
        HttpURLConnection watched = connection;
        if (watched != null) {
            watched.disconnect();
        }
    }

    private static void closeQuietly(Socket watched) {
        if (watched == null) {
            return;
        }
        try {
            watched.close();
        } catch (IOException ignored) {
            // Already closed or broken: either way it no longer holds the caller.
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "webhook-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Almost every exchange finishes in time; don't keep their cancelled alarms queued.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
