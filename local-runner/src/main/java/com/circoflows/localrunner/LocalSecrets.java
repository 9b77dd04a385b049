package com.circoflows.localrunner;

import com.circoflows.domain.ids.RandomIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The value the local stack serves as the template's AppSecret (a Secrets Manager secret on AWS),
 * made up once per data folder, so card fingerprints and page tokens stay valid across restarts. Kept
 * owner-only ({@link PrivateFiles}).
 */
final class LocalSecrets {
    private LocalSecrets() {
    }

    static String appSecretKey(Path dataDir) {
        if (dataDir == null) {
            return RandomIds.base62(48);
        }
        Path file = dataDir.resolve("app-secret-key");
        try {
            PrivateFiles.ensureFolder(dataDir);
            if (Files.exists(file)) {
                PrivateFiles.narrowFile(file);
                return Files.readString(file).strip();
            }
            String secret = RandomIds.base62(48);
            PrivateFiles.write(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret in " + file, e);
        }
    }
}
