package com.circoflows.localrunner;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input with one deadline for a whole request rather than one per read: a client that
 * dribbles a byte now and then (slowloris) would otherwise keep a connection, and its thread, for
 * ever, since every single read finishes within the socket timeout.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private long deadlineNanos;

    DeadlineInputStream(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    /** Everything read from now on must arrive within {@code millis}. */
    void arm(long millis) {
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public int read() throws IOException {
        waitAtMostUntilDeadline();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        waitAtMostUntilDeadline();
        return super.read(buffer, offset, length);
    }

    private void waitAtMostUntilDeadline() throws IOException {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (leftMillis <= 0) {
            throw new SocketTimeoutException("request not received in time");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
    }
}
