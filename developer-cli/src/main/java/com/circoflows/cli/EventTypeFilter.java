package com.circoflows.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which event types listen forwards: names or globs ({@code refund.*}, {@code *}); none given means all.
 * A pattern that matches no type the API sends is refused, so a typo does not silently forward nothing.
 */
final class EventTypeFilter {
    private final List<String> patterns;
    private final List<Pattern> compiled;

    private EventTypeFilter(List<String> patterns, List<Pattern> compiled) {
        this.patterns = patterns;
        this.compiled = compiled;
    }

    static EventTypeFilter of(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            Pattern regex = glob(pattern);
            if (EventTypes.ALL.stream().noneMatch(type -> regex.matcher(type).matches())) {
                throw new UsageException("--events " + pattern + " matches no event type; they are "
                        + String.join(", ", EventTypes.ALL));
            }
            compiled.add(regex);
        }
        return new EventTypeFilter(List.copyOf(patterns), compiled);
    }

    boolean matches(String type) {
        return compiled.isEmpty() || compiled.stream().anyMatch(pattern -> pattern.matcher(type).matches());
    }

    /** For the start-up line: "all types" or the patterns as given. */
    String describe() {
        return patterns.isEmpty() ? "all types" : String.join(", ", patterns);
    }

    private static Pattern glob(String pattern) {
        String[] literalParts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literalParts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literalParts[i].isEmpty()) {
                regex.append(Pattern.quote(literalParts[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
