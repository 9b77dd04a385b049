package com.circoflows.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's arguments: options that take a value ({@code --name value} or {@code --name=value}), switches
 * ({@code --follow}) and the words left ({@code resend evt_…}). Anything else starting with {@code --} is a
 * {@link UsageException}, so a typo never passes silently. {@code --help} is always a switch.
 */
final class Arguments {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private final Map<String, List<String>> values;
    private final Set<String> switches;
    private final List<String> words;

    private Arguments(Map<String, List<String>> values, Set<String> switches, List<String> words) {
        this.values = values;
        this.switches = switches;
        this.words = words;
    }

    /**
     * @param valueOptions names (without {@code --}) of the options that take a value
     * @param switchOptions names of the options that take none
     */
    static Arguments parse(List<String> arguments, Set<String> valueOptions, Set<String> switchOptions) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> switches = new HashSet<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || argument.equals("--")) {
                words.add(argument);
                continue;
            }
            int equals = argument.indexOf('=');
            String name = argument.substring(2, equals < 0 ? argument.length() : equals);
            if (valueOptions.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < arguments.size()) {
                    value = arguments.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                values.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
            } else if ((switchOptions.contains(name) || name.equals("help")) && equals < 0) {
                switches.add(name);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Arguments(values, switches, words);
    }

    boolean has(String switchName) {
        return switches.contains(switchName);
    }

    /** The option's last value, or null when not given. */
    String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(given.size() - 1);
    }

    /** Every value of an option given several times or as a comma-separated list. */
    List<String> listValue(String name) {
        List<String> items = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        }
        return items;
    }

    int intValue(String name, int fallback, int minimum) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < minimum) {
                throw new UsageException("--" + name + " must be at least " + minimum + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got " + value);
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, or a bare number of seconds. */
    Duration durationValue(String name, Duration fallback, Duration minimum) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new UsageException("--" + name + " must be a duration such as 500ms, 2s or 1m, got " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.compareTo(minimum) < 0) {
            throw new UsageException("--" + name + " must be at least " + minimum.toMillis() + "ms, got " + value);
        }
        return duration;
    }

    List<String> words() {
        return words;
    }

    /** The words, when the command takes at most {@code count}. */
    List<String> words(int count, String what) {
        if (words.size() > count) {
            throw new UsageException("unexpected " + words.get(count) + (what == null ? "" : " (" + what + ")"));
        }
        return words;
    }
}
