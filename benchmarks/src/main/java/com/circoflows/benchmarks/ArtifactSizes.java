package com.circoflows.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deployable jar of every function (functions/[module]/target/[name]-function.jar), largest
 * first, with the ones over Lambda's 10 MB goal of issue 6 flagged. Reports only: always exits 0.
 * Usage: ArtifactSizes [functions directory=functions].
 */
public final class ArtifactSizes {
    static final long LIMIT_BYTES = 10_000_000L;

    private ArtifactSizes() {
    }

    record Artifact(String module, String jar, long bytes) {
    }

    public static void main(String[] args) throws IOException {
        Path functions = Path.of(args.length > 0 ? args[0] : "functions");
        List<Artifact> artifacts = find(functions);
        if (artifacts.isEmpty()) {
            System.out.println("no " + functions + "/*/target/*-function.jar: build first (mvn -B -DskipTests package)");
            return;
        }
        System.out.println("Deployable function jars, largest first (flagged: over " + LIMIT_BYTES + " bytes)");
        System.out.printf("  %-28s %-42s %12s %8s%n", "module", "jar", "bytes", "MB");
        long over = 0;
        for (Artifact artifact : artifacts) {
            boolean tooBig = artifact.bytes() > LIMIT_BYTES;
            over += tooBig ? 1 : 0;
            System.out.printf("  %-28s %-42s %,12d %8.2f%s%n", artifact.module(), artifact.jar(), artifact.bytes(),
                    artifact.bytes() / 1e6, tooBig ? "  OVER 10 MB" : "");
        }
        long total = artifacts.stream().mapToLong(Artifact::bytes).sum();
        System.out.printf("  %d jars, %,d bytes in all; %d over the limit%n", artifacts.size(), total, over);
    }

    static List<Artifact> find(Path functions) throws IOException {
        List<Artifact> artifacts = new ArrayList<>();
        try (Stream<Path> modules = Files.list(functions)) {
            for (Path target : modules.map(module -> module.resolve("target")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> jars = Files.list(target)) {
                    for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith("-function.jar")).toList()) {
                        artifacts.add(new Artifact(target.getParent().getFileName().toString(),
                                jar.getFileName().toString(), Files.size(jar)));
                    }
                }
            }
        }
        artifacts.sort(Comparator.comparingLong(Artifact::bytes).reversed().thenComparing(Artifact::module));
        return artifacts;
    }
}
