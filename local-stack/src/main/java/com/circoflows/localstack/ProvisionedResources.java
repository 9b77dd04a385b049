package com.circoflows.localstack;

import java.util.Map;

/**
 * The physical names, URLs and ARNs of what the provisioner created, by template logical id, and
 * the context that resolves function environments against them.
 */
public record ProvisionedResources(ResolutionContext context) {

    public String tableName(String logicalId) {
        return lookup(context.tableNames(), logicalId, "table");
    }

    public String queueUrl(String logicalId) {
        return lookup(context.queueUrls(), logicalId, "queue");
    }

    public String queueArn(String logicalId) {
        return lookup(context.queueArns(), logicalId, "queue");
    }

    public String secretArn(String logicalId) {
        return lookup(context.secretArns(), logicalId, "secret");
    }

    private static String lookup(Map<String, String> values, String logicalId, String kind) {
        String value = values.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("No provisioned " + kind + " " + logicalId + "; known: " + values.keySet());
        }
        return value;
    }
}
