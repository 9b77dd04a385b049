package com.circoflows.adapters.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.LocalStackFixture;
import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.config.Settings;
import com.circoflows.domain.wallet.Wallet;
import com.circoflows.domain.wallet.WalletKeyConfig;
import com.circoflows.domain.wallet.WalletKeyring;
import com.circoflows.localstack.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The stack's secrets read through the SDK's Secrets Manager client, as the functions read them. */
class SecretsManagerAppSecretIT {
    private final LocalStack stack = LocalStackFixture.stack();
    private final Settings settings = new Settings(Map.of(
            "AWS_REGION", stack.options().region(),
            "AWS_ACCESS_KEY_ID", "it", "AWS_SECRET_ACCESS_KEY", "it",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString()));

    @Test
    void readsTheTemplatesAppSecretByTheArnItsFunctionsAreGiven() {
        String arn = stack.resources().secretArn("AppSecret");
        assertTrue(arn.startsWith("arn:aws:secretsmanager:"), arn);

        String value = new SecretsManagerAppSecret(
                () -> AwsClients.secretsManager(settings, AwsClients.httpClient()), arn).read();

        assertEquals(LocalStackFixture.APP_SECRET_KEY, value);
    }

    @Test
    void theWalletKeysSecretAsTheStackCreatesItHoldsAnEmptyDocumentSoNoLiveWalletIsOffered() {
        String arn = stack.resources().secretArn("WalletKeysSecret");

        String value = new SecretsManagerAppSecret(
                () -> AwsClients.secretsManager(settings, AwsClients.httpClient()), arn).read();

        assertEquals("{}", value);
        WalletKeyring live = WalletKeyConfig.parse(value, java.time.Clock.systemUTC());
        for (Wallet wallet : Wallet.values()) {
            assertFalse(live.offers(wallet), wallet.wireName());
        }
    }

    @Test
    void anUnknownSecretFailsTheReadWithoutAValueInTheMessage() {
        String arn = stack.resources().secretArn("AppSecret") + "-gone";
        SecretsManagerAppSecret source = new SecretsManagerAppSecret(
                () -> AwsClients.secretsManager(settings, AwsClients.httpClient()), arn);

        ResourceNotFoundException error = assertThrows(ResourceNotFoundException.class, source::read);

        assertFalse(error.getMessage().contains(LocalStackFixture.APP_SECRET_KEY), error.getMessage());
        assertFalse(source.toString().contains(LocalStackFixture.APP_SECRET_KEY));
    }
}
