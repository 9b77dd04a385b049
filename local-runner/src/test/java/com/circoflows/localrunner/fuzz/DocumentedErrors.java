package com.circoflows.localrunner.fuzz;

import com.circoflows.localstack.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error codes, their HTTP statuses and the error types as docs/api.md's "Errors" section documents
 * them: the fuzz holds every answer to what a merchant's developer can read, not to the code's enum.
 */
record DocumentedErrors(Map<String, Integer> statusByCode, Set<String> types) {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|([^|]+)\\|\\s*(\\d{3})\\s*\\|");
    private static final Pattern CODE = Pattern.compile("`([a-z0-9_]+)`");
    private static final String TYPES_LINE = "`type` is one of ";

    static DocumentedErrors fromApiReference() {
        Path readme = SamTemplate.locate().getParent().resolve("docs").resolve("api.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        int start = lines.indexOf("## Errors");
        if (start < 0) {
            throw new IllegalStateException(readme + " has no '## Errors' section");
        }
        Map<String, Integer> statusByCode = new LinkedHashMap<>();
        Set<String> types = new LinkedHashSet<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                int status = Integer.parseInt(row.group(2));
                Matcher code = CODE.matcher(row.group(1));
                while (code.find()) {
                    statusByCode.put(code.group(1), status);
                }
            }
            if (line.startsWith(TYPES_LINE)) {
                Matcher type = CODE.matcher(line.substring(TYPES_LINE.length()));
                while (type.find()) {
                    types.add(type.group(1));
                }
            }
        }
        if (statusByCode.isEmpty() || types.isEmpty()) {
            throw new IllegalStateException(readme + "'s Errors section lost its table of codes or its line "
                    + "starting with " + TYPES_LINE + ": the fuzz checks answers against them");
        }
        return new DocumentedErrors(Map.copyOf(statusByCode), Set.copyOf(types));
    }
}
