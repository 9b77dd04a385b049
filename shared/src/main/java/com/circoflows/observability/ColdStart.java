package com.circoflows.observability;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the next invocation is the first this container serves. A new container is one a request
 * waited for: after an init, or after a SnapStart restore, whose snapshot was taken before any
 * invocation but is marked {@link #restored()} anyway, so the first request of every restored copy
 * counts, whatever ran before the snapshot.
 */
public final class ColdStart {
    /** The one this process reports. */
    public static final ColdStart CONTAINER = new ColdStart();

    private final AtomicBoolean pending = new AtomicBoolean(true);

    /** True exactly once per container: for the first invocation that asks. */
    public boolean firstInvocation() {
        return pending.getAndSet(false);
    }

    /** The container was restored from a snapshot: its next invocation is a cold start again. */
    public void restored() {
        pending.set(true);
    }
}
