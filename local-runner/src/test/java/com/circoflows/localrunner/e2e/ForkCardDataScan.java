package com.circoflows.localrunner.e2e;

import com.circoflows.localrunner.testsupport.CardDataScanner;
import com.circoflows.localrunner.testsupport.StoredCardDataScan;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The card-data scan of one test JVM: when the JVM exits, after every class it ran, every item of
 * every table of its shared runner and every line it printed are scanned for the card numbers and
 * CVVs its tests sent ({@link SentCardData}), and what was read and found is written to
 * card-data-scan.properties beside its captured log. {@link CardDataScanIT}, run by failsafe after
 * the test JVMs have exited, reads the reports of this build. Findings name where, never the number.
 */
final class ForkCardDataScan {
    static final String REPORT = "card-data-scan.properties";
    /** Set by the pom to the build's timestamp, so a build reads its own JVMs' reports and no older ones. */
    private static final String BUILD_PROPERTY = "circoflows.e2e.build";

    private ForkCardDataScan() {
    }

    /** target/e2e-logs/{build}/ of this module. */
    static Path buildFolder() {
        String build = System.getProperty(BUILD_PROPERTY, "");
        Path logs = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("e2e-logs");
        return build.isBlank() || build.startsWith("${") ? logs.resolve("ide") : logs.resolve(build);
    }

    /** This JVM's folder: its captured log and its report. */
    static Path jvmFolder() {
        return buildFolder().resolve("jvm-" + ProcessHandle.current().pid());
    }

    static void writeReport(E2e e2e) {
        Properties report = new Properties();
        CardDataScanner tableScanner = new CardDataScanner(SentCardData.cvvs(), SentCardData.pans(),
                SentCardData.cryptograms());
        CardDataScanner logScanner = new CardDataScanner(SentCardData.cvvs(), SentCardData.pans(),
                SentCardData.cryptograms());
        report.setProperty("cvvs", String.valueOf(SentCardData.cvvs().size()));
        report.setProperty("pans", String.valueOf(SentCardData.pans().size()));
        report.setProperty("cryptograms", String.valueOf(SentCardData.cryptograms().size()));
        try {
            Map<String, Integer> itemsPerTable = StoredCardDataScan.tables(e2e.runner().stack(), tableScanner);
            report.setProperty("tables.template", String.valueOf(e2e.tableNames().size()));
            report.setProperty("tables.scanned", String.valueOf(itemsPerTable.size()));
            itemsPerTable.forEach((table, items) -> report.setProperty("items." + table, String.valueOf(items)));
            StoredCardDataScan.LogScan log = StoredCardDataScan.log(e2e.capturedLog(), logScanner);
            report.setProperty("log.lines", String.valueOf(log.lines()));
            report.setProperty("log.requestLines", String.valueOf(log.requestLines()));
        } catch (IOException | RuntimeException e) {
            report.setProperty("error", e.toString());
        }
        List<String> findings = new ArrayList<>(tableScanner.findings());
        findings.addAll(logScanner.findings());
        for (int i = 0; i < findings.size(); i++) {
            report.setProperty("finding." + i, findings.get(i));
        }
        Path file = jvmFolder().resolve(REPORT);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            report.store(out, "card-data scan of one test JVM's tables and output");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reports this build's test JVMs left, one per JVM that ran an end-to-end class. */
    static List<Properties> reportsOfThisBuild() throws IOException {
        Path build = buildFolder();
        if (!Files.isDirectory(build)) {
            return List.of();
        }
        List<Properties> reports = new ArrayList<>();
        try (Stream<Path> jvms = Files.list(build)) {
            for (Path report : jvms.map(jvm -> jvm.resolve(REPORT)).filter(Files::isRegularFile).toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                properties.setProperty("file", report.toString());
                reports.add(properties);
            }
        }
        return reports;
    }
}
