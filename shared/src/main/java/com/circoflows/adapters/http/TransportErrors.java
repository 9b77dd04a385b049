package com.circoflows.adapters.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns a failed exchange into the short machine word (and detail) of a delivery attempt. */
final class TransportErrors {
    private static final int MAX_DETAIL = 200;

    private TransportErrors() {
    }

    /** @param deadlinePassed the watchdog cut the exchange, so whatever broke, the cause is time */
    static String describe(Exception failure, boolean deadlinePassed) {
        if (deadlinePassed) {
            return "timeout";
        }
        BlockedAddressException blocked = find(failure, BlockedAddressException.class);
        if (blocked != null) {
            return "ssrf_blocked: " + blocked.address();
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "timeout";
        }
        if (failure instanceof NoRouteToHostException) {
            return "connection_failed: no route to host";
        }
        if (failure instanceof ConnectException) {
            String message = String.valueOf(failure.getMessage());
            return message.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection_refused" : "connection_failed: " + clip(message);
        }
        if (failure instanceof UnknownHostException) {
            return "dns_failure: " + clip(failure.getMessage());
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "tls_error: " + clip(tls.getMessage());
        }
        if (failure instanceof SocketException && String.valueOf(failure.getMessage()).contains("reset")) {
            return "connection_reset";
        }
        String kind = failure instanceof IOException ? "network_error" : "transport_error";
        return kind + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + clip(failure.getMessage()));
    }

    /** HttpURLConnection sometimes rethrows a copy of a failure with the original as its cause. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String clip(String detail) {
        String text = String.valueOf(detail);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
