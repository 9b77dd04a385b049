package com.circoflows.admin;

/**
 * Table names as template.yaml names them: {@code ${AWS::StackName}-merchants} and so on. A test
 * reads the template to keep this in step.
 */
record StackTables(String merchants, String apiKeys) {
    static StackTables of(String stackName) {
        return new StackTables(stackName + "-merchants", stackName + "-api-keys");
    }
}
