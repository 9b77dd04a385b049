package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local contract: CIRCOFLOWS_DEMO_API_KEY is honoured, the demo key survives restarts, and the
 * data folder and its secrets are the developer's only.
 */
class DemoMerchantKeyIT {
    private static final String CHOSEN_KEY = "cf_test_DemoKeyChosenByDev01" + "a".repeat(28);

    @Test
    void chosenDemoKeyWorksAndIsKeptAcrossRestarts(@TempDir Path dataDir) throws Exception {
        try (LocalRunner runner = LocalRunner.start(new LocalRunnerOptions(0, dataDir, CHOSEN_KEY, 0, 0))) {
            assertEquals(CHOSEN_KEY, runner.demoApiKey());
            assertEquals(200, health(runner, CHOSEN_KEY));
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", permissions(dataDir), "the data folder is the developer's only");
            assertEquals("rw-------", permissions(dataDir.resolve("demo-merchant.properties")), "it holds the key");
            assertEquals("rw-------", permissions(dataDir.resolve("app-secret-key")));
        }
        try (LocalRunner restarted = LocalRunner.start(new LocalRunnerOptions(0, dataDir, null, 0, 0))) {
            assertEquals(CHOSEN_KEY, restarted.demoApiKey());
            assertEquals(200, health(restarted, CHOSEN_KEY));
        }
        assertEquals(false, Files.exists(Path.of("dynamodb-local-metadata.json")));
    }

    @Test
    void liveOrMalformedDemoKeyStopsStartUpWithAClearMessage(@TempDir Path dataDir) {
        IllegalArgumentException live = assertThrows(IllegalArgumentException.class, () -> LocalRunner.start(
                new LocalRunnerOptions(0, dataDir, CHOSEN_KEY.replace("cf_test_", "cf_live_"), 0, 0)));
        assertEquals("CIRCOFLOWS_DEMO_API_KEY must be a test key (cf_test_...)", live.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalRunner.start(
                new LocalRunnerOptions(0, dataDir, "cf_test_short", 0, 0)));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int health(LocalRunner runner, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/health"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
