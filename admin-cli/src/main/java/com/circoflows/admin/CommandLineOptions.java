package com.circoflows.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs and bare {@code --flag}s after the command word; each is taken once. */
final class CommandLineOptions {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private CommandLineOptions() {
    }

    /** @throws IllegalArgumentException for an argument that is not an option, or an option without its value */
    static CommandLineOptions parse(String[] args, Set<String> bareFlags) {
        CommandLineOptions options = new CommandLineOptions();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            if (bareFlags.contains(name)) {
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (i + 1 < args.length) {
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }

    /** The option's value, or null when absent. */
    String take(String name) {
        List<String> given = values.remove(name);
        if (given == null) {
            return null;
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("--" + name + " given more than once");
        }
        return given.get(0);
    }

    /** Every value of an option that may repeat, in order. */
    List<String> takeAll(String name) {
        List<String> given = values.remove(name);
        return given == null ? List.of() : given;
    }

    boolean takeFlag(String name) {
        return take(name) != null;
    }

    void requireAllTaken() {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + values.keySet());
        }
    }
}
