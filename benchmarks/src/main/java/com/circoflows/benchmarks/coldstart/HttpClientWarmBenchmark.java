package com.circoflows.benchmarks.coldstart;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.config.Settings;
import com.circoflows.testsupport.HandlerStack;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code bin/benchmark http-client [requests=2000]}: the warm side of the HTTP client choice. Two
 * DynamoDB clients built as our functions build them, one on url-connection and one on AWS CRT,
 * make the yardstick's consistent GetItem in turns against the local stack's DynamoDB Local, after
 * a warm-up; p50 and p99 of each.
 */
public final class HttpClientWarmBenchmark {
    private static final int WARM_UP = 300;

    private HttpClientWarmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (HandlerStack handlerStack = HandlerStack.start()) {
            Map<String, String> variables = new HashMap<>(handlerStack.functions().environment("HealthFunction"));
            String table = handlerStack.table("MerchantsTable");
            Map<String, AttributeValue> key = Map.of(handlerStack.localStack().template().table("MerchantsTable").hashKey(),
                    AttributeValue.fromS(handlerStack.merchants().sampleMerchantId()));
            Settings settings = new Settings(variables);
            DynamoDbClient urlConnection = AwsClients.dynamoDb(settings, AwsClients.httpClient(), List.of());
            DynamoDbClient crt = AwsClients.dynamoDb(settings, AwsCrtHttpClient.create(), List.of());
            List<DynamoDbClient> clients = List.of(urlConnection, crt);
            for (int i = 0; i < WARM_UP; i++) {
                clients.forEach(client -> getItem(client, table, key));
            }
            long[][] nanos = new long[2][requests];
            for (int i = 0; i < requests; i++) {
                for (int c = 0; c < 2; c++) {
                    long started = System.nanoTime();
                    getItem(clients.get(c), table, key);
                    nanos[c][i] = System.nanoTime() - started;
                }
            }
            System.out.printf("Warm GetItem on DynamoDB Local, %d each after %d warm-up, in turns:%n", requests, WARM_UP);
            System.out.println("  url-connection: " + percentiles(nanos[0]));
            System.out.println("  AWS CRT:        " + percentiles(nanos[1]));
            clients.forEach(DynamoDbClient::close);
        }
    }

    private static void getItem(DynamoDbClient client, String table, Map<String, AttributeValue> key) {
        if (!client.getItem(get -> get.tableName(table).key(key).consistentRead(true)).hasItem()) {
            throw new IllegalStateException("the merchant's item is missing");
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
    }
}
