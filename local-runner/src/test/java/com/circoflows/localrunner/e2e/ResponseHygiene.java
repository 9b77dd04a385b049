package com.circoflows.localrunner.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** What no response body may ever show a caller: exception names, Java packages, table names, traces. */
public final class ResponseHygiene {
    private static final List<String> FORBIDDEN = List.of(
            "Exception", "java.", "javax.", "com.circoflows", "software.amazon", "com.fasterxml", "DynamoDb",
            "circoflows-local-");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\bat [\\w$]+(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)");

    private ResponseHygiene() {
    }

    public static List<String> problems(String body, Collection<String> tableNames) {
        List<String> problems = new ArrayList<>();
        if (body == null) {
            return problems;
        }
        for (String forbidden : FORBIDDEN) {
            if (body.contains(forbidden)) {
                problems.add("contains '" + forbidden + "'");
            }
        }
        for (String table : tableNames) {
            if (body.contains(table)) {
                problems.add("names table " + table);
            }
        }
        if (STACK_FRAME.matcher(body).find()) {
            problems.add("contains a stack trace");
        }
        return problems;
    }
}
