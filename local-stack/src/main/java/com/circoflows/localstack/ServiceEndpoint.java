package com.circoflows.localstack;

import java.net.URI;

/**
 * Where the SDK reaches one service of a {@link LocalStack}: an in-process server (DynamoDB Local,
 * ElasticMQ) or a service of a LocalStack container. Callers only ever need the endpoint, for
 * {@code AWS_ENDPOINT_URL_*} and {@code endpointOverride}.
 */
public interface ServiceEndpoint {

    URI endpoint();
}
