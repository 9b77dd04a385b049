package com.circoflows.localrunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localrunner.openapi.OpenApiContract;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a new user runs it: bin/run-local (after the build) in its own JVM
 * with the runtime classpath Maven wrote, not the test classpath, which holds test-scoped libraries
 * the command does not have. It must start and answer the printed key.
 */
class RunLocalCommandIT {
    private static final Pattern API = Pattern.compile("API:\\s+(http://\\S+)");
    private static final Pattern KEY = Pattern.compile("Test API key:\\s+(cf_test_\\S+)");

    @Test
    void runLocalStartsFromItsOwnClasspathAndAnswersThePrintedKey(@TempDir Path dataDir) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder command = new ProcessBuilder("bash", root.resolve("bin/run-local").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        command.environment().put("SKIP_BUILD", "1");
        command.environment().put("PORT", "0");
        command.environment().put("DYNAMODB_LOCAL_PORT", "0");
        command.environment().put("SQS_LOCAL_PORT", "0");
        command.environment().put("CIRCOFLOWS_DATA_DIR", dataDir.toString());
        Process process = command.start();
        try {
            List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String[]> started = CompletableFuture.supplyAsync(() -> readUntilStarted(process, output));
            String[] urlAndKey = started.get(120, TimeUnit.SECONDS);
            assertNotNull(urlAndKey, "bin/run-local did not start:\n" + String.join("\n", output));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(urlAndKey[0] + "/api/health"))
                            .header("Authorization", "Bearer " + urlAndKey[1]).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            OpenApiContract.get().assertConforms(new HttpResult("GET", health.uri(), health.statusCode(),
                    health.headers(), health.body()));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The API URL and key from the start-up banner, or null if the process ended first. */
    private static String[] readUntilStarted(Process process, List<String> output) {
        // Not closed on success: the drain below goes on reading until the process ends.
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String url = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher api = API.matcher(line);
                if (api.find()) {
                    url = api.group(1);
                }
                Matcher key = KEY.matcher(line);
                if (key.find() && url != null) {
                    String[] found = {url, key.group(1)};
                    // Keep draining so the runner never blocks on a full pipe.
                    Thread drain = new Thread(() -> lines.lines().forEach(output::add), "run-local-output");
                    drain.setDaemon(true);
                    drain.start();
                    return found;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
