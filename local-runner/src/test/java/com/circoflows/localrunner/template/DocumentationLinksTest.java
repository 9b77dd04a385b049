package com.circoflows.localrunner.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.localstack.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md a front door (small enough to read in a few minutes; the reference lives in docs/)
 * and keeps every relative link in README.md and docs/ pointing at a file, and a heading, that exists,
 * so moving a section does not silently break the way to it.
 */
class DocumentationLinksTest {
    private static final int README_MAX_BYTES = 15 * 1024;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern ANY_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root = SamTemplate.locate().toAbsolutePath().getParent();

    @Test
    void readmeStaysAFrontDoorOfAtMost15Kilobytes() throws IOException {
        long size = Files.size(root.resolve("README.md"));
        assertTrue(size <= README_MAX_BYTES, "README.md is " + size + " bytes, over " + README_MAX_BYTES
                + ": move reference material into docs/ and link it");
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsPointsAtAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (String target : relativeLinks(document)) {
                String problem = problemWith(document, target);
                if (problem != null) {
                    broken.add(root.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void headingAnchorsAreSluggedAsGitHubDoes() {
        assertEquals(List.of("test-cards-test-mode", "3-d-secure", "merchants-keys-and-risk-settings-binadmin",
                        "errors", "errors-1"),
                anchorsOf(List.of("## Test cards (test mode)", "## 3-D Secure",
                        "## Merchants, keys and risk settings (bin/admin)", "### Errors", "## `Errors`")));
    }

    @Test
    void headingsInsideCodeBlocksHaveNoAnchor() {
        assertEquals(List.of("errors"), anchorsOf(List.of("```", "## Not a heading in code", "```", "## Errors")));
    }

    private List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<String> relativeLinks(Path document) throws IOException {
        List<String> links = new ArrayList<>();
        for (String line : outsideCodeBlocks(Files.readAllLines(document, StandardCharsets.UTF_8))) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (!ANY_SCHEME.matcher(target).find()) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** Null when the link resolves: its file exists and, for a Markdown file, so does its heading. */
    private String problemWith(Path document, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || !resolved.toString().endsWith(".md")) {
            return null;
        }
        if (!anchorsOf(read(resolved)).contains(anchor)) {
            return "no heading with anchor #" + anchor + " in " + root.relativize(resolved);
        }
        return null;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens, -1 for a repeat. */
    static List<String> anchorsOf(List<String> lines) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : outsideCodeBlocks(lines)) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String slug = heading.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }

    private static List<String> outsideCodeBlocks(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                prose.add(line);
            }
        }
        return prose;
    }
}
