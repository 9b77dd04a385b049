package com.circoflows.benchmarks.coldstart;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts one fresh JVM running {@link ColdStartProbe} on a function's jar, with only that function's environment. */
final class ProbeLauncher {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path workDirectory;
    private final String probeClasses;
    private final List<String> variantJvmFlags;

    /** @param variantJvmFlags what the run's variant adds to every probe's JVM (the HTTP client's choice) */
    ProbeLauncher(Path workDirectory, String probeClasses, List<String> variantJvmFlags) {
        this.workDirectory = workDirectory;
        this.probeClasses = probeClasses;
        this.variantJvmFlags = List.copyOf(variantJvmFlags);
    }

    ProbeResult launch(String name, Path jar, String handlerClass, String functionName, Map<String, String> environment,
            Object event) throws IOException, InterruptedException {
        Path invocation = workDirectory.resolve(name + ".properties");
        InvocationFile.write(invocation, event);
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(ColdStartBenchmark.LAMBDA_JVM_FLAGS);
        command.addAll(variantJvmFlags);
        command.addAll(extraJvmFlags());
        command.addAll(List.of("-cp", jar + File.pathSeparator + probeClasses, ColdStartProbe.class.getName(),
                handlerClass, invocation.toString(), functionName));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        // Lambda gives a function its own variables and nothing of the machine's.
        builder.environment().clear();
        builder.environment().putAll(environment);
        // What Lambda sets for a cold start without SnapStart; COLD_START_INIT_TYPE=none measures without the background priming.
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", System.getenv().getOrDefault("COLD_START_INIT_TYPE", "on-demand"));

        long spawnedEpochMillis = System.currentTimeMillis();
        long spawned = System.nanoTime();
        Process process = builder.start();
        String result = null;
        long answered = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(ColdStartProbe.RESULT_PREFIX) && result == null) {
                    answered = System.nanoTime();
                    result = line.substring(ColdStartProbe.RESULT_PREFIX.length());
                } else if (output.size() < 40) {
                    output.add(line);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (result == null) {
            throw new IllegalStateException(name + ": the probe printed no result (exit " + process.exitValue()
                    + "):\n  " + String.join("\n  ", output));
        }
        Map<String, String> fields = fields(result);
        double jvmStart = Long.parseLong(fields.get("main_epoch_ms")) - spawnedEpochMillis;
        ProbeResult probe = new ProbeResult(jvmStart, Long.parseLong(fields.get("init_ns")) / 1e6,
                Long.parseLong(fields.get("invoke_ns")) / 1e6, (answered - spawned) / 1e6, fields.get("outcome"));
        if (!probe.succeeded()) {
            throw new IllegalStateException(name + ": the first invocation did not succeed (" + probe.outcome()
                    + "):\n  " + String.join("\n  ", output));
        }
        return probe;
    }

    /**
     * Flags for a diagnostic run (e.g. {@code -Xlog:class+load:file=...}) from the system property
     * {@code coldstart.jvmFlags}, space-separated; none in a measuring run.
     */
    private static List<String> extraJvmFlags() {
        String flags = System.getProperty("coldstart.jvmFlags", "").trim();
        return flags.isEmpty() ? List.of() : List.of(flags.split(" +"));
    }

    private static Map<String, String> fields(String result) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : result.split(" ")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return fields;
    }
}
