package com.circoflows.admin;

/**
 * Table names as template.yaml names them: {@code ${AWS::StackName}-merchants} and so on. A test
 * reads the template to keep this in step.
 */
record StackTables(String merchants, String apiKeys, String webhookEvents, String transactions,
        String transactionSearch, String paymentSessions) {
    static StackTables of(String stackName) {
        return new StackTables(stackName + "-merchants", stackName + "-api-keys", stackName + "-webhook-events",
                stackName + "-transactions", stackName + "-transaction-search", stackName + "-payment-sessions");
    }
}
