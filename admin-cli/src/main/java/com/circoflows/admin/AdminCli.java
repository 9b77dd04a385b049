package com.circoflows.admin;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.adapters.dynamodb.DynamoRiskSettingsRepository;
import com.circoflows.adapters.dynamodb.SessionListBackfill;
import com.circoflows.adapters.dynamodb.TransactionSearchBackfill;
import com.circoflows.adapters.dynamodb.WebhookEventModeBackfill;
import com.circoflows.config.Settings;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.merchant.Sha256SecretHasher;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** bin/admin: operator tasks that have no API (and, like fraud rule settings, must not have a merchant one). */
public final class AdminCli {
    private AdminCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        AdminCommand command;
        try {
            command = AdminCommand.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(AdminCommand.USAGE);
            return 2;
        }
        StackTables tables = StackTables.of(command.target().stackName());
        if (command instanceof AdminCommand.SetRiskSettings set) {
            return setRiskSettings(set, tables, out, err, environment);
        }
        if (command instanceof AdminCommand.CreateKey key) {
            return createKey(key, tables, out, err, environment);
        }
        if (command instanceof AdminCommand.BackfillEventModes backfill) {
            return backfillEventModes(backfill, tables, out, err, environment);
        }
        if (command instanceof AdminCommand.BackfillTransactionSearch backfill) {
            return backfillTransactionSearch(backfill, tables, out, err, environment);
        }
        if (command instanceof AdminCommand.BackfillSessionList backfill) {
            return backfillSessionList(backfill, tables, out, err, environment);
        }
        return createMerchant((AdminCommand.CreateMerchant) command, tables, out, err, environment);
    }

    private static int createMerchant(AdminCommand.CreateMerchant command, StackTables tables, PrintStream out,
            PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            Clock clock = Clock.systemUTC();
            MerchantOnboarding onboarding = new MerchantOnboarding(
                    new DynamoMerchantRepository(dynamoDb, tables.merchants()),
                    new ApiKeyIssuer(new DynamoApiKeyRepository(dynamoDb, tables.apiKeys()),
                            new Sha256SecretHasher(), clock),
                    clock);
            MerchantOnboarding.Onboarded created =
                    onboarding.createMerchant(command.merchantName(), Mode.fromWireName(command.mode()));
            out.println("Merchant created");
            out.println("  merchant_id: " + created.merchant().merchantId());
            out.println("  name:        " + created.merchant().name());
            out.println("  mode:        " + command.mode());
            out.println("  API key:     " + created.firstKey().fullKey());
            out.println("  Webhook signing secret: " + created.webhookSecret().value());
            out.println();
            out.println("This is the only time the key and the secret are shown; only the key's SHA-256 hash is "
                    + "stored. The secret signs every webhook (the merchant can rotate it with "
                    + "POST /api/webhook-endpoint/rotate-secret).");
            return 0;
        } catch (RuntimeException e) {
            err.println("error: could not create the merchant: " + e.getMessage());
            return 1;
        }
    }

    private static int createKey(AdminCommand.CreateKey command, StackTables tables, PrintStream out,
            PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            DynamoApiKeyRepository keys = new DynamoApiKeyRepository(dynamoDb, tables.apiKeys());
            return CreateKeyRun.run(command, new DynamoMerchantRepository(dynamoDb, tables.merchants()), keys,
                    new ApiKeyIssuer(keys, new Sha256SecretHasher(),
                            Clock.systemUTC()), out, err);
        } catch (RuntimeException e) {
            err.println("error: could not create the key: " + e.getMessage());
            return 1;
        }
    }

    private static int backfillEventModes(AdminCommand.BackfillEventModes command, StackTables tables,
            PrintStream out, PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            int updated = new WebhookEventModeBackfill(dynamoDb, tables.webhookEvents()).run();
            out.println("Webhook events given their mode: " + updated);
            return 0;
        } catch (RuntimeException e) {
            err.println("error: could not finish the backfill (run it again; it resumes): " + e.getMessage());
            return 1;
        }
    }

    private static int backfillTransactionSearch(AdminCommand.BackfillTransactionSearch command, StackTables tables,
            PrintStream out, PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            TransactionSearchBackfill.Result done = new TransactionSearchBackfill(dynamoDb, tables.transactions(),
                    tables.transactionSearch()).run();
            out.println("Transactions given their list keys: " + done.transactions());
            out.println("Search entries written: " + done.entries());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: could not finish the backfill (run it again; it resumes): " + e.getMessage());
            return 1;
        }
    }

    private static int backfillSessionList(AdminCommand.BackfillSessionList command, StackTables tables,
            PrintStream out, PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            int updated = new SessionListBackfill(dynamoDb, tables.paymentSessions()).run();
            out.println("Hosted payment sessions given their list key: " + updated);
            return 0;
        } catch (RuntimeException e) {
            err.println("error: could not finish the backfill (run it again; it resumes): " + e.getMessage());
            return 1;
        }
    }

    private static int setRiskSettings(AdminCommand.SetRiskSettings command, StackTables tables, PrintStream out,
            PrintStream err, Map<String, String> environment) {
        try (DynamoDbClient dynamoDb = dynamoDb(command.target(), environment)) {
            return SetRiskSettingsRun.run(command, new DynamoRiskSettingsRepository(dynamoDb, tables.merchants()),
                    out, err);
        } catch (RuntimeException e) {
            err.println("error: could not change the risk settings: " + e.getMessage());
            return 1;
        }
    }

    private static DynamoDbClient dynamoDb(AdminCommand.Target target, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(environment);
        if (target instanceof AdminCommand.LocalTarget local) {
            settings.put("AWS_ENDPOINT_URL_DYNAMODB", local.endpoint());
            settings.put("AWS_ACCESS_KEY_ID", "local");
            settings.put("AWS_SECRET_ACCESS_KEY", "local");
            settings.put("AWS_REGION", "us-east-1");
            settings.remove("AWS_SESSION_TOKEN");
        } else {
            AdminCommand.AwsTarget aws = (AdminCommand.AwsTarget) target;
            if (aws.region() != null) {
                settings.put("AWS_REGION", aws.region());
            } else if (!settings.containsKey("AWS_REGION") && settings.containsKey("AWS_DEFAULT_REGION")) {
                settings.put("AWS_REGION", settings.get("AWS_DEFAULT_REGION"));
            }
            settings.remove("AWS_ENDPOINT_URL_DYNAMODB");
        }
        return AwsClients.dynamoDb(new Settings(settings), AwsClients.httpClient(), List.of());
    }
}
