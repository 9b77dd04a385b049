package com.circoflows.domain.risk;

/** Merchants' fraud rule settings, kept with the merchant; changed by the platform operator only. */
public interface RiskSettingsRepository extends RiskSettingsSource {
    /** Replaces the merchant's settings; false, and nothing written, when there is no such merchant. */
    boolean replace(String merchantId, RiskSettings settings);
}
