package com.circoflows.benchmarks.micro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH microbenchmarks with short settings that still fork (2 forks, 5 x 1 s warm-up,
 * 5 x 1 s measurement, average time in ns) and prints JMH's table. Usage: MicroBenchmarks [regex]
 * [JMH options], e.g. {@code Signing} or {@code Card -f 3}; an option given replaces its default
 * (JMH refuses an option twice).
 */
public final class MicroBenchmarks {
    private static final Map<String, String> DEFAULTS = Map.of("-f", "2", "-wi", "5", "-w", "1s", "-i", "5",
            "-r", "1s", "-tu", "ns", "-bm", "avgt");
    /** Ours only, whatever else JMH finds on the classpath. */
    private static final String ALL_OURS = "com\\.circoflows\\..*Benchmark";

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments(args).toArray(String[]::new));
    }

    /** The defaults with the caller's options in their place, then the caller's regexes (or all of ours). */
    static List<String> jmhArguments(String... args) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                patterns.add(args[i]);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                options.put(args[i], args[++i]);
            } else {
                options.put(args[i], null);
            }
        }
        List<String> jmhArgs = new ArrayList<>();
        options.forEach((option, value) -> {
            jmhArgs.add(option);
            if (value != null) {
                jmhArgs.add(value);
            }
        });
        jmhArgs.addAll(patterns.isEmpty() ? List.of(ALL_OURS) : patterns);
        return jmhArgs;
    }
}
