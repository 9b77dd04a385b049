package com.circoflows.observability;

/**
 * What every log line of the current invocation carries: its {@link Invocation} (request and trace
 * ids, function name and version, cold start) and, once the caller is known, the merchant id. Per
 * thread, since the local runner serves several functions at once in one JVM; on Lambda one
 * invocation runs at a time, on the handler's thread.
 */
public final class LogContext {
    private static final ThreadLocal<Invocation> INVOCATION = new ThreadLocal<>();
    private static final ThreadLocal<String> MERCHANT_ID = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> IN_INVOCATION = new ThreadLocal<>();

    private LogContext() {
    }

    /** Starts an invocation known only by its request id (which may be null). */
    public static void beginInvocation(String requestId) {
        beginInvocation(new Invocation(requestId, null, null, null, false));
    }

    /** Starts an invocation: forgets the previous one's merchant. */
    public static void beginInvocation(Invocation invocation) {
        INVOCATION.set(invocation);
        MERCHANT_ID.remove();
        IN_INVOCATION.set(Boolean.TRUE);
    }

    /**
     * The merchant the invocation acts for, from the moment it is known (API key, session, event).
     * Ignored outside an invocation, so code run by tests or tools cannot leave a merchant behind on a
     * thread for unrelated lines.
     */
    public static void merchant(String merchantId) {
        if (merchantId != null && IN_INVOCATION.get() != null) {
            MERCHANT_ID.set(merchantId);
        }
    }

    public static void endInvocation() {
        INVOCATION.remove();
        MERCHANT_ID.remove();
        IN_INVOCATION.remove();
    }

    static String requestId() {
        Invocation invocation = INVOCATION.get();
        return invocation == null ? null : invocation.awsRequestId();
    }

    /** Null outside an invocation. */
    static Invocation invocation() {
        return INVOCATION.get();
    }

    static String merchantId() {
        return MERCHANT_ID.get();
    }
}
