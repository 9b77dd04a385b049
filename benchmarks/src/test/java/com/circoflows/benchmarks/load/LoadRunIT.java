package com.circoflows.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load command's short mode, in CI: the same mix and invariant check as {@code bin/load}, for a
 * few seconds. It asserts what the invariants say about money and webhooks, never a timing.
 */
class LoadRunIT {

    @Test
    void shortLoadKeepsEveryInvariant() throws Exception {
        LoadOptions options = new LoadOptions(Duration.ofSeconds(8), 8, 2, Duration.ofSeconds(90));
        LoadResult result;
        try (LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
            result = LoadRun.run(runner, options);
        }
        System.out.print(result.report());

        assertTrue(result.invariantsHold(), result::report);
        Map<Operation, Integer> performed = result.observations().operationCounts();
        // READ_SESSION is too rare (4 %) to be sure of in a few seconds; every other kind runs dozens of times.
        for (Operation operation : EnumSet.complementOf(EnumSet.of(Operation.READ_SESSION))) {
            assertTrue(performed.getOrDefault(operation, 0) > 0, () -> operation + " never ran:\n" + result.report());
        }
        assertEquals(0, result.observations().statusCounts().keySet().stream().filter(status -> status >= 500).count(),
                result::report);
    }
}
