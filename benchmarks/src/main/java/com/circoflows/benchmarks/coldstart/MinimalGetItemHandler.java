package com.circoflows.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start yardstick: the least a DynamoDB-backed Java function can do, one consistent GetItem
 * through the same SDK, HTTP client and credential setup as ours, answering 200. Our functions'
 * cold starts are reported against it, because most of a Java cold start is the SDK's, not ours.
 * With AWS_HTTP_CLIENT=crt (the benchmark's HTTP client variant) it uses the AWS CRT client instead.
 */
public final class MinimalGetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String TABLE = "YARDSTICK_TABLE";
    static final String KEY_NAME = "YARDSTICK_KEY_NAME";
    static final String KEY_VALUE = "YARDSTICK_KEY_VALUE";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Map<String, AttributeValue> key;

    public MinimalGetItemHandler() {
        Map<String, String> environment = System.getenv();
        var builder = DynamoDbClient.builder()
                .httpClient("crt".equals(environment.get("AWS_HTTP_CLIENT"))
                        ? AwsCrtHttpClient.create() : UrlConnectionHttpClient.create())
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))));
        if (environment.containsKey("AWS_ENDPOINT_URL_DYNAMODB")) {
            builder.endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_DYNAMODB")));
        }
        this.dynamoDb = builder.build();
        this.table = environment.get(TABLE);
        this.key = Map.of(environment.get(KEY_NAME), AttributeValue.fromS(environment.get(KEY_VALUE)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        boolean found = dynamoDb.getItem(get -> get.tableName(table).key(key).consistentRead(true)).hasItem();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(found ? 200 : 404).withBody("{}").build();
    }
}
