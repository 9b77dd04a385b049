package com.circoflows.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the template's references resolve to in one local deployment. Immutable: the provisioner
 * builds it up as resources come into existence.
 *
 * @param parameterValues values given for template parameters; a parameter missing here falls back
 *                        to its template Default
 * @param tableNames      physical table name by logical id
 * @param queueUrls       queue URL by logical id
 * @param queueArns       queue ARN by logical id
 * @param secretArns      secret ARN by logical id
 */
public record ResolutionContext(
        String stackName,
        String region,
        Map<String, String> parameterValues,
        Map<String, String> tableNames,
        Map<String, String> queueUrls,
        Map<String, String> queueArns,
        Map<String, String> secretArns) {

    public ResolutionContext {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(region, "region");
        parameterValues = copy(parameterValues);
        tableNames = copy(tableNames);
        queueUrls = copy(queueUrls);
        queueArns = copy(queueArns);
        secretArns = copy(secretArns);
    }

    /** A context before anything is provisioned: parameters and pseudo parameters only. */
    public static ResolutionContext of(String stackName, String region, Map<String, String> parameterValues) {
        return new ResolutionContext(stackName, region, parameterValues, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public ResolutionContext withTable(String logicalId, String tableName) {
        return new ResolutionContext(stackName, region, parameterValues, plus(tableNames, logicalId, tableName),
                queueUrls, queueArns, secretArns);
    }

    public ResolutionContext withQueue(String logicalId, String queueUrl, String queueArn) {
        return new ResolutionContext(stackName, region, parameterValues, tableNames,
                plus(queueUrls, logicalId, queueUrl), plus(queueArns, logicalId, queueArn), secretArns);
    }

    public ResolutionContext withSecret(String logicalId, String secretArn) {
        return new ResolutionContext(stackName, region, parameterValues, tableNames, queueUrls, queueArns,
                plus(secretArns, logicalId, secretArn));
    }

    /** Parameter values are left out: some are secrets (NoEcho) and contexts end up in logs. */
    @Override
    public String toString() {
        return "ResolutionContext[stackName=" + stackName + ", region=" + region
                + ", parameters=" + parameterValues.keySet() + ", tableNames=" + tableNames
                + ", queueUrls=" + queueUrls + ", queueArns=" + queueArns + ", secretArns=" + secretArns + "]";
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
    }

    private static Map<String, String> plus(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(key, "logicalId"), Objects.requireNonNull(value, key));
        return copy;
    }
}
