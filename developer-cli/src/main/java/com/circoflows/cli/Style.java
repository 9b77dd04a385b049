package com.circoflows.cli;

/** ANSI colours for a person reading a terminal; the text unchanged when colour is off. */
final class Style {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    boolean colour() {
        return colour;
    }

    String red(String text) {
        return paint("31", text);
    }

    String green(String text) {
        return paint("32", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    /** @param sgr an ANSI "select graphic rendition" code, e.g. {@code 36} for cyan */
    String paint(String sgr, String text) {
        return colour ? "\u001b[" + sgr + "m" + text + RESET : text;
    }
}
