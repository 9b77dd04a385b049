package com.circoflows.localrunner.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNGs under local-runner/target/screenshots/, for people to look at (and CI to keep as artifacts). */
final class Screenshots {
    private Screenshots() {
    }

    /** target/screenshots of this module (failsafe sets basedir; an IDE runs from the module). */
    static Path folder() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("screenshots");
    }

    static Path write(String name, byte[] png) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("screenshot names are plain file names: " + name);
        }
        try {
            Files.createDirectories(folder());
            Path file = folder().resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
