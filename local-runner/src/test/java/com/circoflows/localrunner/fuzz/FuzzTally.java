package com.circoflows.localrunner.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every fuzz property sent and got back, by HTTP status and by where it was answered, for the
 * whole JVM; rewritten to target/fuzz-report.txt after each property so the last file is the total.
 */
final class FuzzTally {
    private static final Map<String, PropertyTally> PROPERTIES = new LinkedHashMap<>();

    private FuzzTally() {
    }

    static synchronized void record(String property, String route, String kind, int status, Stage stage,
            long elapsedMillis) {
        PropertyTally tally = PROPERTIES.computeIfAbsent(property, name -> new PropertyTally());
        tally.cases++;
        tally.statuses.merge(status, 1, Integer::sum);
        tally.stages.merge(stage, 1, Integer::sum);
        KindTally byKind = tally.kinds.computeIfAbsent(kind, k -> new KindTally());
        byKind.cases++;
        byKind.millis += elapsedMillis;
        byKind.statuses.merge(status, 1, Integer::sum);
        KindTally byRoute = tally.routes.computeIfAbsent(route, k -> new KindTally());
        byRoute.cases++;
        byRoute.millis += elapsedMillis;
        byRoute.statuses.merge(status, 1, Integer::sum);
    }

    static synchronized void finish(String property, int cells, long elapsedMillis, int merchants) {
        PropertyTally tally = PROPERTIES.computeIfAbsent(property, name -> new PropertyTally());
        tally.cells = cells;
        tally.elapsedMillis = elapsedMillis;
        String report = report(merchants);
        System.out.println(report.substring(0, report.indexOf("\nby kind")));
        Path file = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target")
                .resolve("fuzz-report.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String report(int merchants) {
        StringBuilder report = new StringBuilder("fuzz report (cases per property; HTTP statuses; where answered)\n");
        PropertyTally total = new PropertyTally();
        PROPERTIES.forEach((name, tally) -> {
            report.append(String.format("  %-34s %s%n", name, tally.line()));
            total.add(tally);
        });
        report.append(String.format("  %-34s %s%n", "TOTAL", total.line()));
        report.append("  API keys used: ").append(merchants).append(" fresh merchants\n");
        report.append("\nby kind of case and by route (cases, mean ms per case, statuses)\n");
        PROPERTIES.forEach((name, tally) -> {
            report.append("  ").append(name).append('\n');
            tally.kinds.forEach((kind, byKind) -> report.append(byKind.line(kind)));
            tally.routes.forEach((route, byRoute) -> report.append(byRoute.line(route)));
        });
        return report.toString();
    }

    private static final class KindTally {
        int cases;
        long millis;
        final Map<Integer, Integer> statuses = new TreeMap<>();

        String line(String label) {
            return String.format("    %-60s %5d %6.1f ms  %s%n", FuzzCase.escape(label, 60), cases,
                    millis / (double) cases, statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                            .collect(Collectors.joining(" ")));
        }
    }

    private static final class PropertyTally {
        int cases;
        int cells;
        long elapsedMillis;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        final Map<String, KindTally> kinds = new TreeMap<>();
        final Map<String, KindTally> routes = new TreeMap<>();

        void add(PropertyTally other) {
            cases += other.cases;
            elapsedMillis += other.elapsedMillis;
            other.statuses.forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            other.stages.forEach((stage, count) -> stages.merge(stage, count, Integer::sum));
        }

        String line() {
            return String.format("%6d cases%s in %5.1f s; status %s; %s", cases,
                    cells > 1 ? " (" + cells + " cells)" : "", elapsedMillis / 1000.0,
                    statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                            .collect(Collectors.joining(" ")),
                    stages.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().description())
                            .collect(Collectors.joining(", ")));
        }
    }
}
