package com.circoflows.json;

/** Text that is not JSON. Carries where it broke, never the text itself. */
public final class MalformedJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    MalformedJsonException() {
        this(-1, -1);
    }

    MalformedJsonException(int line, int column) {
        super(line < 0 ? "not valid JSON" : "not valid JSON (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    /** Whether the parser said where the text broke ({@link #line()} and {@link #column()}). */
    public boolean hasLocation() {
        return line >= 0;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
