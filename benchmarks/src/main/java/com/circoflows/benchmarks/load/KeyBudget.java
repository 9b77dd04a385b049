package com.circoflows.benchmarks.load;

import java.time.Clock;
import java.util.List;

/**
 * One client's API keys and what each has spent of the payments limit (100 per key per minute, in
 * the same fixed windows the API counts). A client moves to its next key before the limit, and only
 * waits for the next window when all are spent, which the report shows as time waited.
 */
final class KeyBudget {
    /** Below the API's 100, so clock skew at a window boundary never yields a 429. */
    static final int REQUESTS_PER_KEY_PER_WINDOW = 90;
    private static final long WINDOW_SECONDS = 60;

    private final List<String> keys;
    private final Clock clock;
    private final int[] spent;
    private long window = -1;
    private int current;
    private long waitedMillis;

    KeyBudget(List<String> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one key");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
        this.spent = new int[keys.size()];
    }

    /** The key for the next request, waiting for a new window if every key is spent. */
    String take() throws InterruptedException {
        while (true) {
            long now = clock.millis();
            long thisWindow = now / 1000 / WINDOW_SECONDS;
            if (thisWindow != window) {
                window = thisWindow;
                java.util.Arrays.fill(spent, 0);
                current = 0;
            }
            for (int tried = 0; tried < keys.size(); tried++) {
                int index = (current + tried) % keys.size();
                if (spent[index] < REQUESTS_PER_KEY_PER_WINDOW) {
                    current = index;
                    spent[index]++;
                    return keys.get(index);
                }
            }
            long untilNextWindow = (thisWindow + 1) * WINDOW_SECONDS * 1000 - now + 50;
            waitedMillis += untilNextWindow;
            Thread.sleep(untilNextWindow);
        }
    }

    List<String> keys() {
        return keys;
    }

    long waitedMillis() {
        return waitedMillis;
    }
}
