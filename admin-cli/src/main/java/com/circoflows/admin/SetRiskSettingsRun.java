package com.circoflows.admin;

import com.circoflows.domain.risk.CachedRiskSettings;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import com.circoflows.domain.risk.RiskSettingsRepository;
import java.io.PrintStream;
import java.util.Locale;

/** set-risk-settings: reads the merchant's settings, applies the command's changes, writes them back. */
final class SetRiskSettingsRun {
    private SetRiskSettingsRun() {
    }

    /** @return the exit code: 0 when stored, 1 when there is no such merchant */
    static int run(AdminCommand.SetRiskSettings command, RiskSettingsRepository repository, PrintStream out,
            PrintStream err) {
        RiskSettings next = command.applyTo(repository.settingsFor(command.merchantId()));
        if (!repository.replace(command.merchantId(), next)) {
            err.println("error: no merchant " + command.merchantId() + " in this stack");
            return 1;
        }
        out.println("Risk settings of " + command.merchantId() + " (payments use them within "
                + CachedRiskSettings.DEFAULT_TTL.toSeconds() + " s)");
        for (RiskSetting setting : RiskSetting.values()) {
            out.printf(Locale.ROOT, "  %-34s %,d%s%n", setting.wireName() + ":", next.value(setting),
                    next.overrides().containsKey(setting) ? "" : "  (default)");
        }
        out.println("  amount limits, minor units:");
        next.amountLimitOverrides().forEach((currency, limit) ->
                out.printf(Locale.ROOT, "    %s %,d%n", currency.getCurrencyCode(), limit));
        out.println("    " + (next.amountLimitOverrides().isEmpty() ? "every currency" : "other currencies")
                + ": the default, 200,000 x the currency's minimum charge");
        return 0;
    }
}
