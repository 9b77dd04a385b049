package com.circoflows.adapters.secrets;

import com.circoflows.domain.keys.AppSecretSource;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The app secret as Secrets Manager holds it (template.yaml's AppSecret, named by APP_SECRET_ARN). The
 * client lives for the one call and is closed after it: nothing else in a function talks to Secrets
 * Manager, and with SnapStart the read happens once, before the snapshot.
 */
public final class SecretsManagerAppSecret implements AppSecretSource {
    private final Supplier<SecretsManagerClient> clients;
    private final String secretArn;

    public SecretsManagerAppSecret(Supplier<SecretsManagerClient> clients, String secretArn) {
        this.clients = clients;
        this.secretArn = secretArn;
    }

    @Override
    public String read() {
        GetSecretValueResponse response;
        try (SecretsManagerClient client = clients.get()) {
            response = client.getSecretValue(request -> request.secretId(secretArn));
        }
        String value = response.secretString();
        if (value == null || value.isEmpty()) {
            // Never the value itself in a message: only which secret.
            throw new IllegalStateException("the secret " + secretArn + " has no string value");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SecretsManagerAppSecret[" + secretArn + "]";
    }
}
