package com.circoflows.domain.archfixture;

import com.circoflows.api.ErrorStatuses;
import com.circoflows.domain.error.ErrorCode;
import com.fasterxml.jackson.core.JsonFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Deliberately breaks the layering (LayeringRulesBiteTest): a domain class reaching for HTTP, Jackson and AWS. */
public final class DomainServiceThatLeaks {
    public int statusOf(ErrorCode code) {
        return ErrorStatuses.of(code);
    }

    public JsonFactory json() {
        return new JsonFactory();
    }

    public String table(DynamoDbClient client) {
        return client.serviceName();
    }
}
