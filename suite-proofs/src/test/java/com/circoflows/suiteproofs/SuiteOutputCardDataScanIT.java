package com.circoflows.suiteproofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localrunner.testsupport.CardDataScanner;
import com.circoflows.localrunner.testsupport.StoredCardDataScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The card-data proof over the whole suite: every line any module's tests and the code under test
 * wrote (surefire and failsafe keep each test class's output in a file; the end-to-end suite and the
 * load run keep their functions' logs) is scanned for Luhn-valid card numbers and CVV fields. The
 * tables are scanned where they live, before their DynamoDB Local stops: by local-runner's
 * CardDataScanIT after the end-to-end suite and by benchmarks' LoadRunIT after its load.
 */
class SuiteOutputCardDataScanIT {
    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noTestOutputOrFunctionLogOfTheWholeSuiteHoldsACardNumberOrCvv() throws IOException {
        List<Path> files = suiteOutputFiles();
        // Random CVVs cannot be told from other 3-digit numbers in free text; CVVs are looked for as
        // fields, card numbers by the Luhn check, which every real and test card number passes.
        CardDataScanner scanner = new CardDataScanner(Set.of(), Set.of());
        Map<String, Integer> linesPerModule = new TreeMap<>();
        for (Path file : files) {
            StoredCardDataScan.LogScan scanned = StoredCardDataScan.log(file, scanner);
            linesPerModule.merge(moduleOf(file), scanned.lines(), Integer::sum);
        }
        System.out.println("suite-proofs: scanned " + files.size() + " output files, lines per module "
                + linesPerModule);

        for (String module : List.of("shared", "local-runner", "benchmarks",
                "function-its")) {
            assertTrue(linesPerModule.getOrDefault(module, 0) > 0, () -> "no test output of " + module
                    + " to scan; run the whole build from the project root (mvn verify), not this module alone");
        }
        assertTrue(scanner.findings().isEmpty(), () -> "card data in the suite's output:\n  "
                + String.join("\n  ", scanner.findings()));
    }

    private static List<Path> suiteOutputFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(PROJECT_ROOT)) {
            return paths.filter(Files::isRegularFile)
                    .filter(SuiteOutputCardDataScanIT::isTestOutput)
                    .filter(path -> !path.startsWith(PROJECT_ROOT.resolve("suite-proofs")))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isTestOutput(Path path) {
        String relative = PROJECT_ROOT.relativize(path).toString().replace('\\', '/');
        if (!relative.contains("/target/")) {
            return false;
        }
        String name = path.getFileName().toString();
        String folder = path.getParent().getFileName().toString();
        boolean reportOutput = (folder.equals("surefire-reports") || folder.equals("failsafe-reports"))
                && name.endsWith("-output.txt");
        return reportOutput || name.endsWith(".log");
    }

    private static String moduleOf(Path file) {
        String relative = PROJECT_ROOT.relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.indexOf("/target/"));
    }
}
