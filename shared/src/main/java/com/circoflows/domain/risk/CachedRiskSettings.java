package com.circoflows.domain.risk;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers each merchant's settings per container for a short while, so a payment does not read the
 * merchant item every time. The TTL is how long an operator's change takes to reach a warm container.
 */
public final class CachedRiskSettings implements RiskSettingsSource {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final RiskSettingsSource source;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedRiskSettings(RiskSettingsSource source, Duration ttl, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    public static CachedRiskSettings withDefaultTtl(RiskSettingsSource source) {
        return new CachedRiskSettings(source, DEFAULT_TTL, System::nanoTime);
    }

    @Override
    public RiskSettings settingsFor(String merchantId) {
        long now = nanoClock.getAsLong();
        Entry entry = entries.get(merchantId);
        if (entry != null && now - entry.readAtNanos <= ttlNanos) {
            return entry.settings;
        }
        RiskSettings settings = source.settingsFor(merchantId);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(merchantId, new Entry(settings, now));
        return settings;
    }

    private record Entry(RiskSettings settings, long readAtNanos) {
    }
}
