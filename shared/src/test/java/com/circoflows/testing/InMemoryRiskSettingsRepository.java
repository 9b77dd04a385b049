package com.circoflows.testing;

import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.domain.risk.RiskSettingsRepository;
import java.util.Map;
import java.util.HashMap;

/** Settings per merchant id; every merchant id counts as known. */
public final class InMemoryRiskSettingsRepository implements RiskSettingsRepository {
    private final Map<String, RiskSettings> settings = new HashMap<>();
    private int reads;

    @Override
    public synchronized RiskSettings settingsFor(String merchantId) {
        reads++;
        return settings.getOrDefault(merchantId, RiskSettings.DEFAULTS);
    }

    @Override
    public synchronized boolean replace(String merchantId, RiskSettings newSettings) {
        settings.put(merchantId, newSettings);
        return true;
    }

    public synchronized int reads() {
        return reads;
    }
}
