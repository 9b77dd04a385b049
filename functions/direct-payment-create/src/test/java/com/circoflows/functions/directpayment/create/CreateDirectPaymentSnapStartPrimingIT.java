package com.circoflows.functions.directpayment.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.circoflows.adapters.lambda.SnapStartPriming;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.config.Settings;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The priming SnapStart runs before its snapshot must leave no trace: every table's items and the
 * webhook queue are the same before and after it, so a snapshot never holds (or made) a write.
 */
@ExtendWith(HandlerStackExtension.class)
class CreateDirectPaymentSnapStartPrimingIT {
    private static HandlerStack stack;

    @BeforeAll
    static void useTheSharedStack(HandlerStack shared) {
        stack = shared;
    }

    @Test
    void theHandlersBeforeCheckpointPrimingWritesNothingAndQueuesNothing() throws Exception {
        int before = SnapStartPriming.registered().size();
        stack.functions().construct("CreateDirectPaymentFunction", CreateDirectPaymentHandler.class,
                CreateDirectPaymentHandler::new);
        List<SnapStartPriming> registered = SnapStartPriming.registered();
        assertEquals(before + 1, registered.size(), "the handler's no-arg constructor registers its priming");
        // Purged, not drained: no job another test class left in flight may come back during the priming.
        stack.queues().purge("WebhookQueue");
        Map<String, List<String>> tablesBefore = everyTable();
        assertFalse(tablesBefore.isEmpty());

        SnapStartPriming priming = registered.get(registered.size() - 1);
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(tablesBefore, everyTable(), "tables after the priming");
        assertEquals(List.of(), stack.webhooks().drainWebhookJobs(), "webhook jobs queued by the priming");
    }

    /** The resource logs a failing priming and lets the snapshot go ahead; the priming itself must not fail. */
    @Test
    void thePrimingCompletesAgainstTheStackAndStillWritesNothing() {
        Runnable priming = new FunctionWiring(new Settings(stack.functions().environment("CreateDirectPaymentFunction")))
                .payments().createDirectPaymentPriming();
        Map<String, List<String>> tablesBefore = everyTable();

        priming.run();

        assertEquals(tablesBefore, everyTable(), "tables after the priming");
    }

    /** Each table's items, as sorted strings, by table name. */
    private static Map<String, List<String>> everyTable() {
        DynamoDbClient dynamoDb = stack.localStack().dynamoDbClient();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : dynamoDb.listTables().tableNames()) {
            tables.put(table, dynamoDb.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items()
                    .stream().map(item -> new TreeMap<>(item).toString()).sorted().toList());
        }
        return tables;
    }
}
