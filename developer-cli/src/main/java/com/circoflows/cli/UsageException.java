package com.circoflows.cli;

/** The command line itself was wrong: exit status 2, with the command's usage. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
