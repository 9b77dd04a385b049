package com.circoflows.localrunner;

import java.nio.file.Path;

/**
 * @param port            HTTP port of the API; 0 picks a free one (tests)
 * @param dataDir         where DynamoDB data, the demo key and the local secret persist; null keeps
 *                        everything in memory (tests)
 * @param demoApiKey      the demo merchant's key when the developer chose one, else null
 * @param dynamoDbPort    DynamoDB Local's port; 0 picks a free one
 * @param sqsPort         ElasticMQ's port; 0 picks a free one
 */
public record LocalRunnerOptions(int port, Path dataDir, String demoApiKey, int dynamoDbPort, int sqsPort) {

    public static LocalRunnerOptions forTests() {
        return new LocalRunnerOptions(0, null, null, 0, 0);
    }

    /** The contract in ARCHITECTURE.md: PORT, CIRCOFLOWS_DATA_DIR, CIRCOFLOWS_DEMO_API_KEY. */
    public static LocalRunnerOptions fromEnvironment() {
        return new LocalRunnerOptions(
                intVariable("PORT", 3000),
                Path.of(variable("CIRCOFLOWS_DATA_DIR", ".local-data")).toAbsolutePath(),
                System.getenv("CIRCOFLOWS_DEMO_API_KEY"),
                intVariable("DYNAMODB_LOCAL_PORT", 8000),
                intVariable("SQS_LOCAL_PORT", 9324));
    }

    private static String variable(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intVariable(String name, int fallback) {
        String value = System.getenv(name);
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
