package com.circoflows.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminCommandTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void localTargetDefaultsToTheRunnersDynamoDbPort() {
        AdminCommand.CreateMerchant command = assertInstanceOf(AdminCommand.CreateMerchant.class,
                AdminCommand.parse(new String[] {"create-merchant", "--name", "Acme", "--local"}));
        AdminCommand.LocalTarget target = assertInstanceOf(AdminCommand.LocalTarget.class, command.target());
        assertEquals("http://127.0.0.1:8000", target.endpoint());
        assertEquals("circoflows-local", target.stackName());
        assertEquals("test", command.mode());
    }

    @Test
    void createKeyNamesAnExistingMerchantAndAMode() {
        AdminCommand.CreateKey command = assertInstanceOf(AdminCommand.CreateKey.class, AdminCommand.parse(
                new String[] {"create-key", "--merchant", "mch_A", "--mode", "live", "--stack-name", "circoflows-dev"}));

        assertEquals(new AdminCommand.CreateKey("mch_A", "live", new AdminCommand.AwsTarget("circoflows-dev", null)),
                command);
        assertEquals("test", ((AdminCommand.CreateKey) AdminCommand.parse(
                new String[] {"create-key", "--merchant", "mch_A", "--local"})).mode());
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"create-key", "--local"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"create-key", "--merchant", "mch_A", "--mode", "prod", "--local"}));
    }

    @Test
    void backfillEventModesTakesOnlyATarget() {
        assertEquals(new AdminCommand.BackfillEventModes(new AdminCommand.LocalTarget("http://127.0.0.1:8000")),
                AdminCommand.parse(new String[] {"backfill-event-modes", "--local"}));
        assertThrows(IllegalArgumentException.class,
                () -> AdminCommand.parse(new String[] {"backfill-event-modes", "--local", "--mode", "live"}));
    }

    @Test
    void backfillTransactionSearchTakesOnlyATarget() {
        assertEquals(new AdminCommand.BackfillTransactionSearch(new AdminCommand.LocalTarget("http://127.0.0.1:8000")),
                AdminCommand.parse(new String[] {"backfill-transaction-search", "--local"}));
        assertThrows(IllegalArgumentException.class,
                () -> AdminCommand.parse(new String[] {"backfill-transaction-search", "--local", "--mode", "live"}));
    }

    @Test
    void backfillSessionListTakesOnlyATarget() {
        assertEquals(new AdminCommand.BackfillSessionList(new AdminCommand.LocalTarget("http://127.0.0.1:8000")),
                AdminCommand.parse(new String[] {"backfill-session-list", "--local"}));
        assertThrows(IllegalArgumentException.class,
                () -> AdminCommand.parse(new String[] {"backfill-session-list", "--local", "--mode", "live"}));
    }

    @Test
    void stackTargetTakesNameAndRegion() {
        AdminCommand command = AdminCommand.parse(new String[] {"create-merchant", "--name", "Acme",
                "--stack-name", "circoflows-prod", "--region", "eu-west-1"});
        assertEquals(new AdminCommand.AwsTarget("circoflows-prod", "eu-west-1"), command.target());
    }

    @Test
    void missingNameOrTargetOrBadModeIsAUsageError() {
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"create-merchant", "--local"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"create-merchant", "--name", "A"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"create-merchant", "--name", "A", "--local", "--mode", "prod"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(new String[] {"delete-everything"}));
    }

    @Test
    void setRiskSettingsTakesAFlagPerSettingAndRepeatedAmountLimits() {
        AdminCommand.SetRiskSettings command = setRiskSettings("--card-velocity-limit", "50",
                "--merchant-velocity-window-minutes", "30", "--amount-limit", "USD=500000",
                "--amount-limit", "jpy=90000",
                "--stack-name", "circoflows-prod");

        assertEquals("mch_A", command.merchantId());
        assertEquals(Map.of(RiskSetting.CARD_VELOCITY_LIMIT, 50L, RiskSetting.MERCHANT_VELOCITY_WINDOW_MINUTES, 30L),
                command.values());
        assertEquals(Map.of(USD, 500_000L, JPY, 90_000L), command.amountLimits());
        assertFalse(command.reset());
        assertEquals(new AdminCommand.AwsTarget("circoflows-prod", null), command.target());
    }

    @Test
    void everySettingHasItsFlag() {
        for (RiskSetting setting : RiskSetting.values()) {
            AdminCommand.SetRiskSettings command =
                    setRiskSettings("--" + AdminCommand.flagName(setting), "7", "--local");
            assertEquals(Map.of(setting, 7L), command.values());
        }
        assertEquals("card-testing-window-minutes", AdminCommand.flagName(RiskSetting.CARD_TESTING_WINDOW_MINUTES));
    }

    @Test
    void changesApplyOnTopOfTheCurrentSettingsOrOnTheDefaultsAfterReset() {
        RiskSettings current = RiskSettings.DEFAULTS.with(RiskSetting.CARD_TESTING_DECLINES, 3)
                .withAmountLimit(JPY, 900);

        RiskSettings changed = setRiskSettings("--card-velocity-limit", "50", "--local").applyTo(current);
        RiskSettings reset = setRiskSettings("--reset", "--card-velocity-limit", "50", "--local").applyTo(current);
        RiskSettings onlyReset = setRiskSettings("--reset", "--local").applyTo(current);

        assertEquals(current.with(RiskSetting.CARD_VELOCITY_LIMIT, 50), changed);
        assertEquals(RiskSettings.DEFAULTS.with(RiskSetting.CARD_VELOCITY_LIMIT, 50), reset);
        assertEquals(RiskSettings.DEFAULTS, onlyReset);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--card-velocity-limit 0", "--card-velocity-limit 1000001", "--card-velocity-limit ten",
            "--card-testing-window-minutes 1441", "--amount-limit USD=49", "--amount-limit USD=100000000",
            "--amount-limit USD", "--amount-limit XYZ=1000", "--amount-limit USD=1.5", "--velocity 3"})
    void badSettingValuesAreUsageErrorsBeforeAnythingIsWritten(String option) {
        String[] parts = option.split(" ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setRiskSettings(parts[0], parts.length > 1 ? parts[1] : "", "--local"));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void setRiskSettingsNeedsAMerchantATargetAndSomethingToChange() {
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"set-risk-settings", "--card-velocity-limit", "5", "--local"}));
        assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"set-risk-settings", "--merchant", "mch_A", "--card-velocity-limit", "5"}));
        IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class, () -> AdminCommand.parse(
                new String[] {"set-risk-settings", "--merchant", "mch_A", "--local"}));
        assertTrue(nothing.getMessage().startsWith("nothing to change"), nothing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> setRiskSettings("--card-velocity-limit", "5",
                "--card-velocity-limit", "6", "--local"));
    }

    private static AdminCommand.SetRiskSettings setRiskSettings(String... rest) {
        String[] args = new String[rest.length + 3];
        args[0] = "set-risk-settings";
        args[1] = "--merchant";
        args[2] = "mch_A";
        System.arraycopy(rest, 0, args, 3, rest.length);
        return assertInstanceOf(AdminCommand.SetRiskSettings.class, AdminCommand.parse(args));
    }

    @Test
    void usageErrorExitsWithTwo() {
        assertEquals(2, AdminCli.run(new String[] {}, System.out, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()), java.util.Map.of()));
    }
}
