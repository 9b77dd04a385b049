package com.circoflows.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSizesTest {
    @TempDir
    Path functions;

    @Test
    void listsOnlyFunctionJarsLargestFirst() throws IOException {
        jar("health", "health-function.jar", 300);
        jar("webhook-delivery", "webhook-delivery-function.jar", 900);
        jar("webhook-delivery", "original-webhook-delivery-1.0.jar", 5000);
        Files.createDirectories(functions.resolve("no-target-yet"));

        List<ArtifactSizes.Artifact> found = ArtifactSizes.find(functions);

        assertEquals(List.of(new ArtifactSizes.Artifact("webhook-delivery", "webhook-delivery-function.jar", 900),
                new ArtifactSizes.Artifact("health", "health-function.jar", 300)), found);
    }

    private void jar(String module, String name, int bytes) throws IOException {
        Path target = Files.createDirectories(functions.resolve(module).resolve("target"));
        Files.write(target.resolve(name), new byte[bytes]);
    }
}
