package com.circoflows.benchmarks.load;

import com.circoflows.localrunner.LocalRunner;
import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.observability.JsonLog;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/load [seconds=60] [concurrency=32]}: starts the local runner in memory (DynamoDB Local,
 * ElasticMQ, every function of template.yaml), drives it over HTTP, prints throughput, latency and
 * the invariants, and exits 1 when one of them does not hold.
 */
public final class LoadCommand {
    private LoadCommand() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.fromArguments(args);
        PrintStream console = System.out;
        Path log = Path.of("benchmarks", "target", "load.log");
        Files.createDirectories(log.getParent());
        LoadResult result;
        // The functions log every request; they go to a file so the report stays readable.
        try (PrintStream functionLogs = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            System.setOut(functionLogs);
            JsonLog.redirectTo(functionLogs);
            console.println("Starting the local runner; function logs go to " + log);
            try (LocalRunner runner = LocalRunner.start(LocalRunnerOptions.forTests())) {
                console.printf("Making %d merchants with %d keys each, then %d s of load%n", options.concurrency(),
                        options.keysPerClient(), options.duration().toSeconds());
                result = LoadRun.run(runner, options);
            }
        } finally {
            System.setOut(console);
            JsonLog.redirectTo(console);
        }
        System.out.print(result.report());
        System.exit(result.invariantsHold() ? 0 : 1);
    }
}
