package com.circoflows.cli;

import com.circoflows.cli.collection.PostmanCollection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code circoflows collection [--out FILE]}: the Postman collection (v2.1; Bruno and Insomnia import
 * it too) of the merchant API, made from this checkout's docs/openapi.yaml. Without --out it goes to
 * standard output.
 */
final class CollectionCommand implements Command {
    private static final Path SPEC = Path.of("docs", "openapi.yaml");

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public String summary() {
        return "[--out FILE]  the Postman/Bruno collection of the API, made from docs/openapi.yaml";
    }

    @Override
    public int run(List<String> arguments, Terminal terminal) throws Exception {
        Optional<Path> out = outputFile(arguments);
        Path spec = findSpec();
        String collection = PostmanCollection.fromSpec(spec);
        if (out.isPresent()) {
            Path file = out.get().toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, collection, StandardCharsets.UTF_8);
            terminal.err().println("circoflows collection: wrote " + out.get() + " from " + spec);
        } else {
            // As UTF-8 bytes whatever the terminal's charset, so that a redirect gives the same file as --out.
            terminal.out().write(collection.getBytes(StandardCharsets.UTF_8));
            terminal.out().flush();
        }
        return 0;
    }

    private static Optional<Path> outputFile(List<String> arguments) {
        List<String> rest = new ArrayList<>(arguments);
        Optional<Path> out = Optional.empty();
        while (!rest.isEmpty()) {
            String argument = rest.remove(0);
            if (argument.equals("--out") && !rest.isEmpty() && out.isEmpty()) {
                out = Optional.of(Path.of(rest.remove(0)));
            } else if (argument.startsWith("--out=") && argument.length() > 6 && out.isEmpty()) {
                out = Optional.of(Path.of(argument.substring(6)));
            } else if (argument.equals("--out")) {
                throw new UsageException(out.isEmpty() ? "--out needs a file name" : "--out given twice");
            } else {
                throw new UsageException("unexpected argument " + argument);
            }
        }
        return out;
    }

    /**
     * The checkout this command line was built from (bin/circoflows runs its target/classes), else the
     * working directory or one of its parents.
     */
    private static Path findSpec() throws IOException {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(CollectionCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code location to start from: the working directory remains
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
                Path spec = folder.resolve(SPEC);
                if (Files.isRegularFile(spec)) {
                    return spec;
                }
            }
        }
        throw new IOException("no " + SPEC + " found above " + starts.get(starts.size() - 1)
                + "; run bin/circoflows from a CircoFlows checkout");
    }
}
