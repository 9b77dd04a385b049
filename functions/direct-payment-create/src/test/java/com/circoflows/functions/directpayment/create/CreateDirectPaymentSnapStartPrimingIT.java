package com.circoflows.functions.directpayment.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.testsupport.HandlerTestEnvironment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The priming SnapStart runs before its snapshot must leave no trace: every table's items and the
 * webhook queue are the same before and after it, so a snapshot never holds (or made) a write.
 */
class CreateDirectPaymentSnapStartPrimingIT {
    private static HandlerTestEnvironment environment;

    @BeforeAll
    static void startStack() {
        environment = HandlerTestEnvironment.start();
    }

    @AfterAll
    static void stopStack() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void theHandlersBeforeCheckpointPrimingWritesNothingAndQueuesNothing() throws Exception {
        int before = SnapStartPriming.registered().size();
        environment.construct("CreateDirectPaymentFunction", CreateDirectPaymentHandler.class,
                CreateDirectPaymentHandler::new);
        List<SnapStartPriming> registered = SnapStartPriming.registered();
        assertEquals(before + 1, registered.size(), "the handler's no-arg constructor registers its priming");
        environment.drainWebhookJobs();
        Map<String, List<String>> tablesBefore = everyTable();
        assertFalse(tablesBefore.isEmpty());

        SnapStartPriming priming = registered.get(registered.size() - 1);
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(tablesBefore, everyTable(), "tables after the priming");
        assertEquals(List.of(), environment.drainWebhookJobs(), "webhook jobs queued by the priming");
    }

    /** The resource logs a failing priming and lets the snapshot go ahead; the priming itself must not fail. */
    @Test
    void thePrimingCompletesAgainstTheStackAndStillWritesNothing() {
        Runnable priming = new FunctionWiring(new Settings(environment.environment("CreateDirectPaymentFunction")))
                .createDirectPaymentPriming();
        Map<String, List<String>> tablesBefore = everyTable();

        priming.run();

        assertEquals(tablesBefore, everyTable(), "tables after the priming");
    }

    /** Each table's items, as sorted strings, by table name. */
    private static Map<String, List<String>> everyTable() {
        DynamoDbClient dynamoDb = environment.stack().dynamoDbClient();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : dynamoDb.listTables().tableNames()) {
            tables.put(table, dynamoDb.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items()
                    .stream().map(item -> new TreeMap<>(item).toString()).sorted().toList());
        }
        return tables;
    }
}
