package com.circoflows.testing;

import com.circoflows.observability.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the domain reported, in order, as short strings such as "payment declined insufficient_funds". */
public final class RecordingMetrics implements Metrics {
    private final List<String> recorded = new ArrayList<>();

    @Override
    public synchronized void paymentRecorded(PaymentOutcome outcome, String declineCode) {
        recorded.add("payment " + outcome.wireName() + (declineCode == null ? "" : " " + declineCode));
    }

    @Override
    public synchronized void webhookAttempted(boolean delivered) {
        recorded.add(delivered ? "webhook delivered" : "webhook failed");
    }

    @Override
    public synchronized void requestServed(String route, int status, Duration elapsed) {
        recorded.add("request " + route + " " + status);
    }

    @Override
    public synchronized void coldStart(String functionName) {
        recorded.add("cold start " + functionName);
    }

    public synchronized List<String> recorded() {
        return List.copyOf(recorded);
    }
}
