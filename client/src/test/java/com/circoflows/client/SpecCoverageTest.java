package com.circoflows.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The client against docs/openapi.yaml: every {@code /api/...} operation has a client method annotated
 * with its operationId, and no annotation names an operation the spec does not have. A new route in the
 * spec fails this test until the client wraps it.
 */
class SpecCoverageTest {
    /** Surefire runs with the module directory as working directory. */
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyApiOperationOfTheSpecHasAClientMethod() throws Exception {
        Set<String> missing = new TreeSet<>(apiOperationIds());
        missing.removeAll(annotatedOperationIds());

        assertTrue(missing.isEmpty(), "operations of docs/openapi.yaml no client method covers: " + missing);
    }

    @Test
    void everyAnnotationNamesAnOperationOfTheSpec() throws Exception {
        Set<String> unknown = new TreeSet<>(annotatedOperationIds());
        unknown.removeAll(apiOperationIds());

        assertTrue(unknown.isEmpty(), "@ApiOperation names docs/openapi.yaml does not have under /api: " + unknown);
    }

    @Test
    void theSpecIsReadAndHasApiOperations() throws Exception {
        // Guards the two tests above against passing on an empty reading.
        assertTrue(apiOperationIds().size() >= 30, "operations read: " + apiOperationIds());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> apiOperationIds() throws Exception {
        assertTrue(Files.isRegularFile(SPEC), "no spec at " + SPEC.toAbsolutePath());
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10_000); // the spec reuses its header blocks by alias
        options.setCodePointLimit(20 * 1024 * 1024);
        Map<String, Object> spec;
        try (Reader reader = Files.newBufferedReader(SPEC, StandardCharsets.UTF_8)) {
            spec = new Yaml(options).load(reader);
        }
        Set<String> ids = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (METHODS.contains(operation.getKey())) {
                    ids.add((String) ((Map<String, Object>) operation.getValue()).get("operationId"));
                }
            }
        }
        return ids;
    }

    /** The annotations on the public methods of every service the client hands out. */
    private static Set<String> annotatedOperationIds() {
        Set<String> ids = new TreeSet<>();
        for (Method getter : CircoFlowsClient.class.getMethods()) {
            if (getter.getDeclaringClass() != CircoFlowsClient.class || getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            for (Method method : getter.getReturnType().getMethods()) {
                ApiOperation operation = method.getAnnotation(ApiOperation.class);
                if (operation != null) {
                    ids.add(operation.value());
                }
            }
        }
        return ids;
    }
}
