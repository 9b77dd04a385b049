package com.circoflows.domain.risk;

/** Where the fraud screen finds a merchant's settings. */
public interface RiskSettingsSource {
    /** The merchant's settings; {@link RiskSettings#DEFAULTS} when none were ever set. */
    RiskSettings settingsFor(String merchantId);
}
