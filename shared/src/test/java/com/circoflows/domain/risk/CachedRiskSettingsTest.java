package com.circoflows.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.testing.InMemoryRiskSettingsRepository;
import com.circoflows.testing.ManualNanoClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CachedRiskSettingsTest {
    private static final RiskSettings STRICT = RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 2);

    private final InMemoryRiskSettingsRepository stored = new InMemoryRiskSettingsRepository();
    private final ManualNanoClock nanos = new ManualNanoClock();
    private final CachedRiskSettings cache = new CachedRiskSettings(stored, Duration.ofSeconds(60), nanos);

    @Test
    void aWarmContainerReadsAMerchantsSettingsOncePerMinute() {
        cache.settingsFor("mch_A");
        cache.settingsFor("mch_A");
        nanos.advance(Duration.ofSeconds(60));
        cache.settingsFor("mch_A");

        assertEquals(1, stored.reads());
        nanos.advance(Duration.ofNanos(1));
        cache.settingsFor("mch_A");
        assertEquals(2, stored.reads());
    }

    @Test
    void anOperatorsChangeArrivesWhenTheCachedCopyExpires() {
        assertEquals(RiskSettings.DEFAULTS, cache.settingsFor("mch_A"));
        stored.replace("mch_A", STRICT);

        assertEquals(RiskSettings.DEFAULTS, cache.settingsFor("mch_A"), "still the cached copy");
        nanos.advance(Duration.ofSeconds(61));
        assertEquals(STRICT, cache.settingsFor("mch_A"));
    }

    @Test
    void merchantsAreCachedApart() {
        stored.replace("mch_A", STRICT);

        assertEquals(STRICT, cache.settingsFor("mch_A"));
        assertEquals(RiskSettings.DEFAULTS, cache.settingsFor("mch_B"));
    }
}
