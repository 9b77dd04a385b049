package com.circoflows.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.testsupport.CapturedOutput;
import com.circoflows.localrunner.testsupport.CardDataScanner;
import com.circoflows.localrunner.testsupport.StoredCardDataScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The load command's short mode, in CI: the same mix and invariant check as {@code bin/load}, for a
 * few seconds. It asserts what the invariants say about money and webhooks, never a timing, and
 * that thousands of card payments under concurrency left no card number or CVV in any table or log.
 */
class LoadRunIT {

    @Test
    void shortLoadKeepsEveryInvariant() throws Exception {
        LoadOptions options = new LoadOptions(Duration.ofSeconds(8), 8, 2, Duration.ofSeconds(90));
        LoadResult result;
        // Random CVVs are 3-digit numbers that amounts also are, so the scan looks for CVVs by field
        // name only; every card number is Luhn-valid, so the digit-run check finds any of them.
        CardDataScanner scanner = new CardDataScanner(Set.of(), Set.of());
        Map<String, Integer> itemsPerTable;
        StoredCardDataScan.LogScan logScan;
        Path log = Path.of("target", "load-run-it.log");
        try (CapturedOutput captured = CapturedOutput.install(log);
                LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
            result = LoadRun.run(runner, options);
            itemsPerTable = StoredCardDataScan.tables(runner.stack(), scanner);
            logScan = StoredCardDataScan.log(captured.file(), scanner);
        }
        System.out.print(result.report());
        System.out.println("load: card data scan of tables " + itemsPerTable + " and " + logScan.lines()
                + " log lines (" + logScan.requestLines() + " request logs)");

        assertTrue(result.invariantsHold(), result::report);
        Map<Operation, Integer> performed = result.observations().operationCounts();
        // READ_SESSION is too rare (4 %) to be sure of in a few seconds; every other kind runs dozens of times.
        for (Operation operation : EnumSet.complementOf(EnumSet.of(Operation.READ_SESSION))) {
            assertTrue(performed.getOrDefault(operation, 0) > 0, () -> operation + " never ran:\n" + result.report());
        }
        assertEquals(0, result.observations().statusCounts().keySet().stream().filter(status -> status >= 500).count(),
                result::report);
        assertTrue(itemsPerTable.get("TransactionsTable") > 0 && logScan.requestLines() > 0,
                "the card data scan must have read stored payments and request logs");
        assertTrue(scanner.findings().isEmpty(), () -> "card data after load:\n  "
                + String.join("\n  ", scanner.findings()));
    }
}
