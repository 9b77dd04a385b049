package com.circoflows.admin;

import com.circoflows.domain.money.Money;
import com.circoflows.domain.risk.RiskSetting;
import com.circoflows.domain.risk.RiskSettings;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code create-merchant --name NAME [--mode test|live] TARGET},
 * {@code create-key --merchant ID [--mode test|live] TARGET},
 * {@code set-risk-settings --merchant ID [--<setting> N ...] [--amount-limit CUR=MINOR ...] [--reset] TARGET} and
 * {@code backfill-event-modes TARGET}, {@code backfill-transaction-search TARGET}, {@code backfill-session-list TARGET},
 * where TARGET is {@code --local [--endpoint URL]} or {@code --stack-name NAME [--region R]}.
 */
sealed interface AdminCommand permits AdminCommand.CreateMerchant, AdminCommand.CreateKey,
        AdminCommand.SetRiskSettings, AdminCommand.BackfillEventModes, AdminCommand.BackfillTransactionSearch,
        AdminCommand.BackfillSessionList {

    Target target();

    sealed interface Target permits LocalTarget, AwsTarget {
        String stackName();
    }

    /** The local runner's DynamoDB Local (bin/run-local prints its address). */
    record LocalTarget(String endpoint) implements Target {
        @Override
        public String stackName() {
            return "circoflows-local";
        }
    }

    /** A deployed stack, reached with the ordinary AWS credential chain. */
    record AwsTarget(String stackName, String region) implements Target {
    }

    record CreateMerchant(String merchantName, String mode, Target target) implements AdminCommand {
    }

    /** Another key of an existing merchant, e.g. its first live key beside its test keys. */
    record CreateKey(String merchantId, String mode, Target target) implements AdminCommand {
    }

    /** Gives webhook events stored before events carried their mode that mode (see WebhookEventModeBackfill). */
    record BackfillEventModes(Target target) implements AdminCommand {
    }

    /**
     * Gives transactions their list keys and every missing search entry, session, metadata, card last4
     * and customer email (see TransactionSearchBackfill).
     */
    record BackfillTransactionSearch(Target target) implements AdminCommand {
    }

    /** Gives sessions stored before GET /api/hosted-payment their list key (see SessionListBackfill). */
    record BackfillSessionList(Target target) implements AdminCommand {
    }

    /**
     * Changes some of a merchant's fraud rule settings; the rest keep their current value, or go back
     * to the defaults first with {@code reset}. Every value was checked against its bounds when parsed.
     */
    record SetRiskSettings(String merchantId, Map<RiskSetting, Long> values, Map<Currency, Long> amountLimits,
            boolean reset, Target target) implements AdminCommand {

        RiskSettings applyTo(RiskSettings current) {
            RiskSettings next = reset ? RiskSettings.DEFAULTS : current;
            for (Map.Entry<RiskSetting, Long> value : values.entrySet()) {
                next = next.with(value.getKey(), value.getValue());
            }
            for (Map.Entry<Currency, Long> limit : amountLimits.entrySet()) {
                next = next.withAmountLimit(limit.getKey(), limit.getValue());
            }
            return next;
        }
    }

    String USAGE = """
            usage: bin/admin create-merchant --name "Acme Ltd" [--mode test|live] --local [--endpoint http://127.0.0.1:8000]
                   bin/admin create-merchant --name "Acme Ltd" [--mode test|live] --stack-name circoflows-dev [--region eu-west-1]
                   bin/admin create-key --merchant mch_... [--mode test|live] (--local | --stack-name ...)
                   bin/admin set-risk-settings --merchant mch_... [--reset] [--card-velocity-limit N]
                       [--card-velocity-window-minutes N] [--merchant-velocity-limit N]
                       [--merchant-velocity-window-minutes N] [--card-testing-declines N]
                       [--card-testing-window-minutes N] [--amount-limit USD=500000 ...] (--local | --stack-name ...)
                   bin/admin backfill-event-modes (--local | --stack-name ...)
                   bin/admin backfill-transaction-search (--local | --stack-name ...)
                   bin/admin backfill-session-list (--local | --stack-name ...)

            create-merchant creates a merchant and prints its first API key and its webhook signing secret.
            Both are shown once; the key is stored only as a SHA-256 hash. create-key prints another key of an
            existing merchant, of either mode (at most 20 active per mode). backfill-event-modes gives webhook
            events stored before events carried their mode that mode, so they are listed again (safe to
            repeat). backfill-transaction-search gives transactions their list keys and every missing
            search entry (session, metadata, card last4, customer email), so they are listed and found
            (safe to repeat; it reads the whole table). backfill-session-list gives hosted payment
            sessions stored before GET /api/hosted-payment their list key, so they are listed (safe to
            repeat). set-risk-settings changes a merchant's fraud rule settings (the others keep their
            value; --reset returns all to the defaults first) and prints them all; payments use them
            within 60 s. Against AWS it uses your normal AWS credentials (environment, profile, SSO).""";

    static AdminCommand parse(String[] args) {
        String action = args.length == 0 ? "" : args[0];
        if (action.equals("create-merchant")) {
            return parseCreateMerchant(CommandLineOptions.parse(args, Set.of("local")));
        }
        if (action.equals("create-key")) {
            return parseCreateKey(CommandLineOptions.parse(args, Set.of("local")));
        }
        if (action.equals("backfill-event-modes")) {
            CommandLineOptions options = CommandLineOptions.parse(args, Set.of("local"));
            Target target = target(options);
            options.requireAllTaken();
            return new BackfillEventModes(target);
        }
        if (action.equals("backfill-transaction-search")) {
            CommandLineOptions options = CommandLineOptions.parse(args, Set.of("local"));
            Target target = target(options);
            options.requireAllTaken();
            return new BackfillTransactionSearch(target);
        }
        if (action.equals("backfill-session-list")) {
            CommandLineOptions options = CommandLineOptions.parse(args, Set.of("local"));
            Target target = target(options);
            options.requireAllTaken();
            return new BackfillSessionList(target);
        }
        if (action.equals("set-risk-settings")) {
            return parseSetRiskSettings(CommandLineOptions.parse(args, Set.of("local", "reset")));
        }
        throw new IllegalArgumentException("unknown or missing command");
    }

    private static CreateMerchant parseCreateMerchant(CommandLineOptions options) {
        String name = options.take("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("--name is required");
        }
        String mode = mode(options);
        Target target = target(options);
        options.requireAllTaken();
        return new CreateMerchant(name, mode, target);
    }

    private static CreateKey parseCreateKey(CommandLineOptions options) {
        String merchantId = options.take("merchant");
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("--merchant is required");
        }
        String mode = mode(options);
        Target target = target(options);
        options.requireAllTaken();
        return new CreateKey(merchantId.strip(), mode, target);
    }

    private static String mode(CommandLineOptions options) {
        String mode = options.take("mode");
        mode = mode == null ? "test" : mode;
        if (!mode.equals("test") && !mode.equals("live")) {
            throw new IllegalArgumentException("--mode must be test or live");
        }
        return mode;
    }

    private static SetRiskSettings parseSetRiskSettings(CommandLineOptions options) {
        String merchantId = options.take("merchant");
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("--merchant is required");
        }
        boolean reset = options.takeFlag("reset");
        Map<RiskSetting, Long> values = new LinkedHashMap<>();
        for (RiskSetting setting : RiskSetting.values()) {
            String value = options.take(flagName(setting));
            if (value != null) {
                values.put(setting, wholeNumber("--" + flagName(setting), value));
            }
        }
        Map<Currency, Long> amountLimits = new LinkedHashMap<>();
        for (String limit : options.takeAll("amount-limit")) {
            String[] parts = limit.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--amount-limit takes CURRENCY=MINOR_UNITS, e.g. USD=500000");
            }
            amountLimits.put(currency(parts[0]), wholeNumber("--amount-limit " + parts[0], parts[1]));
        }
        Target target = target(options);
        options.requireAllTaken();
        if (values.isEmpty() && amountLimits.isEmpty() && !reset) {
            throw new IllegalArgumentException("nothing to change: give a setting, --amount-limit or --reset");
        }
        SetRiskSettings command = new SetRiskSettings(merchantId.strip(), values, amountLimits, reset, target);
        command.applyTo(RiskSettings.DEFAULTS); // refuses out-of-bounds values now, before any connection
        return command;
    }

    /** {@code card_velocity_limit} is {@code --card-velocity-limit}. */
    static String flagName(RiskSetting setting) {
        return setting.wireName().replace('_', '-');
    }

    private static long wholeNumber(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + text);
        }
    }

    private static Currency currency(String code) {
        try {
            return Money.parseCurrency(code.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--amount-limit: " + code.strip().toUpperCase(Locale.ROOT)
                    + " is not a supported currency");
        }
    }

    private static Target target(CommandLineOptions options) {
        boolean local = options.takeFlag("local");
        String endpoint = options.take("endpoint");
        String stackName = options.take("stack-name");
        String region = options.take("region");
        if (local && stackName == null) {
            if (region != null) {
                throw new IllegalArgumentException("--region goes with --stack-name, not --local");
            }
            return new LocalTarget(endpoint == null ? "http://127.0.0.1:8000" : endpoint);
        }
        if (!local && stackName != null) {
            if (endpoint != null) {
                throw new IllegalArgumentException("--endpoint goes with --local, not --stack-name");
            }
            return new AwsTarget(stackName, region);
        }
        throw new IllegalArgumentException("say where: --local or --stack-name NAME");
    }
}
