package com.circoflows.localrunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param port                 HTTP port of the API; 0 picks a free one (tests)
 * @param dataDir              where DynamoDB data, the demo key and the local secret persist; null keeps
 *                             everything in memory (tests)
 * @param demoApiKey           the demo merchant's key when the developer chose one, else null
 * @param dynamoDbPort         DynamoDB Local's port; 0 picks a free one
 * @param sqsPort              ElasticMQ's port; 0 picks a free one
 * @param environmentOverrides values replacing variables template.yaml gives functions (e.g. a fast
 *                             WEBHOOK_RETRY_SCHEDULE for tests); a variable the template does not
 *                             give a function is never added to it
 * @param scheduleRateOverride run every scheduled function at this rate instead of the template's
 *                             (tests); null keeps the template's
 * @param host                 the address the API listens on: {@value #LOOPBACK} unless HOST says otherwise,
 *                             so nobody else on the network can reach a developer's runner
 */
public record LocalRunnerOptions(int port, Path dataDir, String demoApiKey, int dynamoDbPort, int sqsPort,
        Map<String, String> environmentOverrides, Duration scheduleRateOverride, String host) {
    public static final String LOOPBACK = "127.0.0.1";

    public LocalRunnerOptions {
        environmentOverrides = Map.copyOf(environmentOverrides == null ? Map.of() : environmentOverrides);
        host = host == null || host.isBlank() ? LOOPBACK : host.strip();
    }

    public LocalRunnerOptions(int port, Path dataDir, String demoApiKey, int dynamoDbPort, int sqsPort) {
        this(port, dataDir, demoApiKey, dynamoDbPort, sqsPort, Map.of(), null, LOOPBACK);
    }

    public static LocalRunnerOptions forTests() {
        return new LocalRunnerOptions(0, null, null, 0, 0);
    }

    public LocalRunnerOptions withEnvironmentOverride(String name, String value) {
        Map<String, String> overrides = new LinkedHashMap<>(environmentOverrides);
        overrides.put(name, value);
        return new LocalRunnerOptions(port, dataDir, demoApiKey, dynamoDbPort, sqsPort, overrides, scheduleRateOverride,
                host);
    }

    public LocalRunnerOptions withScheduleRate(Duration rate) {
        return new LocalRunnerOptions(port, dataDir, demoApiKey, dynamoDbPort, sqsPort, environmentOverrides, rate,
                host);
    }

    /** Data kept in this folder (null: in memory), the function log file included. */
    public LocalRunnerOptions withDataDir(Path folder) {
        return new LocalRunnerOptions(port, folder, demoApiKey, dynamoDbPort, sqsPort, environmentOverrides,
                scheduleRateOverride, host);
    }

    public LocalRunnerOptions withHost(String address) {
        return new LocalRunnerOptions(port, dataDir, demoApiKey, dynamoDbPort, sqsPort, environmentOverrides,
                scheduleRateOverride, address);
    }

    /**
     * The contract in ARCHITECTURE.md: PORT, CIRCOFLOWS_DATA_DIR, CIRCOFLOWS_DEMO_API_KEY; HOST to listen
     * on another address than loopback (0.0.0.0 for every interface); and WEBHOOK_RETRY_SCHEDULE to try
     * the retry behaviour without waiting days, API_KEY_CACHE_TTL_SECONDS to see a revoked key refused
     * everywhere at once.
     */
    public static LocalRunnerOptions fromEnvironment() {
        return fromEnvironment(System.getenv()).withScheduleRate(EventSourceSupervisor.scheduleRateFromEnvironment());
    }

    /** The options {@code environment} sets (all but the schedule rate). */
    static LocalRunnerOptions fromEnvironment(Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String name : List.of("WEBHOOK_RETRY_SCHEDULE", "API_KEY_CACHE_TTL_SECONDS")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                overrides.put(name, value);
            }
        }
        return new LocalRunnerOptions(
                intVariable(environment, "PORT", 3000),
                Path.of(variable(environment, "CIRCOFLOWS_DATA_DIR", ".local-data")).toAbsolutePath(),
                environment.get("CIRCOFLOWS_DEMO_API_KEY"),
                intVariable(environment, "DYNAMODB_LOCAL_PORT", 8000),
                intVariable(environment, "SQS_LOCAL_PORT", 9324),
                overrides,
                null,
                environment.get("HOST"));
    }

    private static String variable(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intVariable(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got: " + value);
        }
    }
}
