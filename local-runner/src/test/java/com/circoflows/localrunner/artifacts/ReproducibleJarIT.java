package com.circoflows.localrunner.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localstack.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commit builds the same deployable jar, byte for byte, so `sam deploy` of an unchanged
 * function uploads nothing new and Lambda publishes no version (and takes no SnapStart snapshot).
 * The health function (its module and shared/, shaded together) is packaged by a fresh Maven run in
 * a copy of their main sources and of the classes this build compiled, and packaged again by a
 * second run after every jar was deleted and every file's time set to now, as a fresh clone and
 * build would have them: an entry stamped with a file's or the build's clock, or shading that orders
 * entries differently, shows up as a difference. Both runs skip compiling (javac output does not
 * depend on the time; the packaging was what changed every build), which keeps this test to two
 * packagings.
 */
class ReproducibleJarIT {
    private static final String MODULE = "functions/health";
    private static final String JAR = MODULE + "/target/health-function.jar";
    private static final Pattern TEST_DEPENDENCY = Pattern.compile(
            "\\s*<dependency>(?:(?!</dependency>).)*<scope>test</scope>(?:(?!</dependency>).)*</dependency>",
            Pattern.DOTALL);
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    @TempDir
    Path copy;

    private final Path repositoryRoot = SamTemplate.locate().getParent();

    @Test
    void buildingTheSameSourcesTwiceGivesAByteIdenticalFunctionJar() throws Exception {
        copySources();
        Path jar = packageJars();
        Path first = copy.resolve("first-build.jar");
        Files.copy(jar, first);
        deleteJars();
        touchEveryFile();
        Path second = packageJars();

        assertEquals(List.of(), differences(entries(first), entries(second)), "entries that differ between the builds");
        assertEquals(-1, Files.mismatch(first, second), "the two builds' jars differ in bytes");
    }

    /** The first few entries whose name, time or CRC differ, as "name: first -> second". */
    private static List<String> differences(Map<String, String> first, Map<String, String> second) {
        Set<String> names = new TreeSet<>(first.keySet());
        names.addAll(second.keySet());
        return names.stream().filter(name -> !Objects.equals(first.get(name), second.get(name)))
                .limit(10).map(name -> name + ": " + first.get(name) + " -> " + second.get(name)).toList();
    }

    /** The module's and shared/'s main sources and poms, trimmed to that reactor. */
    private void copySources() throws IOException {
        for (String file : List.of("pom.xml", "shared/pom.xml", "functions/pom.xml", MODULE + "/pom.xml")) {
            copyFile(repositoryRoot.resolve(file), copy.resolve(file));
        }
        for (String tree : List.of(".mvn", "shared/src/main", MODULE + "/src/main", "shared/target/classes",
                MODULE + "/target/classes")) {
            copyTree(repositoryRoot.resolve(tree), copy.resolve(tree));
        }
        keepOnlyModules(copy.resolve("pom.xml"), "shared", "functions");
        keepOnlyModules(copy.resolve("functions/pom.xml"), "health");
        for (String pom : List.of("pom.xml", "shared/pom.xml", "functions/pom.xml", MODULE + "/pom.xml")) {
            // No test sources are copied, so their dependencies (some only this build's reactor has) go too.
            Path file = copy.resolve(pom);
            Files.writeString(file, TEST_DEPENDENCY.matcher(Files.readString(file)).replaceAll(""));
        }
    }

    private Path packageJars() throws IOException, InterruptedException {
        Path log = copy.resolve("build.log");
        Process maven = new ProcessBuilder("mvn", "-B", "-ntp", "-o", "-q", "package", "-DskipTests",
                "-Dmaven.main.skip=true")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = maven.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        assertTrue(finished && maven.exitValue() == 0, "mvn package in " + copy + " failed:\n" + Files.readString(log));
        Path jar = copy.resolve(JAR);
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        return jar;
    }

    private void deleteJars() throws IOException {
        List<Path> jars;
        try (Stream<Path> walk = Files.walk(copy)) {
            jars = walk.filter(p -> p.toString().endsWith(".jar") && p.toString().contains("/target/")).toList();
        }
        assertTrue(jars.size() >= 3, "the thin jars and the shaded one: " + jars);
        for (Path jar : jars) {
            Files.delete(jar);
        }
    }

    private void touchEveryFile() throws IOException {
        FileTime now = FileTime.from(Instant.now());
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, now);
            }
        }
    }

    private static void keepOnlyModules(Path pom, String... modules) throws IOException {
        StringBuilder kept = new StringBuilder("<modules>");
        for (String module : modules) {
            kept.append("<module>").append(module).append("</module>");
        }
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        Files.writeString(pom, text.replaceFirst("(?s)<modules>.*?</modules>", kept.append("</modules>").toString()));
    }

    private static Map<String, String> entries(Path jar) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> entries.put(entry.getName(), describe(entry)));
        }
        return entries;
    }

    private static String describe(ZipEntry entry) {
        return "time=" + entry.getLastModifiedTime() + " crc=" + Long.toHexString(entry.getCrc());
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** A missing tree (no .mvn outside a helper's worktree) is simply not copied; file times are kept. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            try {
                copyFile(file, to.resolve(from.relativize(file).toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
