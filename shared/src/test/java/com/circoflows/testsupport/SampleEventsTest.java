package com.circoflows.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.HttpRoute;
import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps events/ honest: every file is a payload-2.0 event for a route its function really has in
 * template.yaml, and every file is used by at least one test, so no sample rots unnoticed.
 */
class SampleEventsTest {
    private static final Path REPOSITORY = SamTemplate.locate().getParent();
    private static final Path EVENTS = HandlerTestEnvironment.eventsDirectory();
    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate());
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    @Test
    void everyHttpFunctionHasSampleEventsAndEveryFolderIsAFunction() throws IOException {
        List<String> folders = eventFiles().stream().map(f -> EVENTS.relativize(f).getName(0).toString())
                .distinct().sorted().toList();
        List<String> httpModules = TEMPLATE.functions().stream().filter(f -> !f.httpRoutes().isEmpty())
                .map(SampleEventsTest::moduleOf).sorted().toList();

        assertTrue(folders.containsAll(httpModules), "events/ needs a folder per HTTP function module: "
                + httpModules + ", has " + folders);
        folders.forEach(SampleEventsTest::functionOfFolder);
    }

    @TestFactory
    Stream<DynamicTest> everyEventFileIsReferencedByATestSource() throws IOException {
        List<String> sources = testSources();
        return eventFiles().stream().map(file -> {
            String relative = relative(file);
            return DynamicTest.dynamicTest(relative, () -> assertTrue(
                    sources.stream().anyMatch(source -> source.contains("\"" + relative + "\"")),
                    "events/" + relative + " is used by no test: load it in one, e.g. "
                            + "HandlerTestEnvironment.event(\"" + relative + "\")"));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyEventHasTheShapeApiGatewaySends() throws IOException {
        return eventFiles().stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> checkShape(file)));
    }

    private static void checkShape(Path file) throws IOException {
        String relative = relative(file);
        JsonNode json = HandlerTestEnvironment.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        FunctionDefinition function = functionOfFolder(EVENTS.relativize(file).getName(0).toString());
        if (function.httpRoutes().isEmpty()) {
            return; // an SQS or schedule function's samples are not API Gateway events
        }
        for (String field : List.of("version", "routeKey", "rawPath", "rawQueryString", "headers", "requestContext",
                "isBase64Encoded")) {
            assertTrue(json.has(field), relative + " lacks " + field);
        }
        assertEquals("2.0", json.get("version").asText(), relative);
        assertTrue(json.get("isBase64Encoded").isBoolean(), relative + ": isBase64Encoded is a JSON boolean");
        JsonNode context = json.get("requestContext");
        for (String field : List.of("accountId", "apiId", "domainName", "http", "requestId", "routeKey", "stage",
                "time", "timeEpoch")) {
            assertTrue(context.has(field), relative + " lacks requestContext." + field);
        }
        for (String field : List.of("method", "path", "protocol", "sourceIp", "userAgent")) {
            assertTrue(context.get("http").has(field), relative + " lacks requestContext.http." + field);
        }
        assertEquals("$default", context.get("stage").asText(), relative);
        assertTrue(context.get("timeEpoch").isIntegralNumber(), relative + ": timeEpoch is a number");
        Iterator<String> headerNames = json.get("headers").fieldNames();
        while (headerNames.hasNext()) {
            String name = headerNames.next();
            assertEquals(name.toLowerCase(Locale.ROOT), name, relative + ": HTTP APIs send lower-case header names");
        }

        APIGatewayV2HTTPEvent event = HandlerTestEnvironment.event(relative);
        String routeKey = event.getRouteKey();
        assertEquals(routeKey, event.getRequestContext().getRouteKey(), relative);
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String routePath = routeKey.substring(routeKey.indexOf(' ') + 1);
        assertEquals(method, event.getRequestContext().getHttp().getMethod(), relative);
        assertEquals(event.getRawPath(), event.getRequestContext().getHttp().getPath(), relative);
        assertEquals(event.getHeaders().get("host"), event.getRequestContext().getDomainName(), relative);

        assertTrue(function.httpRoutes().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(routePath)),
                relative + ": " + routeKey + " is not a route of " + function.logicalId() + " in template.yaml; it has "
                        + function.httpRoutes().stream().map(HttpRoute::toString).toList());
        assertEquals(pathParameters(routePath, event.getRawPath(), relative),
                event.getPathParameters() == null ? Map.of() : event.getPathParameters(), relative + ": pathParameters");

        if (event.getBody() == null) {
            assertFalse(event.getIsBase64Encoded(), relative);
            assertFalse(event.getHeaders().containsKey("content-length"), relative + ": no body, no content-length");
        } else {
            byte[] bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8);
            assertEquals(Integer.toString(bytes.length), event.getHeaders().get("content-length"),
                    relative + ": content-length");
            String contentType = event.getHeaders().get("content-type");
            assertNotNull(contentType, relative + ": a body comes with a content-type");
            // HTTP APIs pass JSON and text through and base64-encode everything else (forms included).
            assertEquals(!contentType.startsWith("application/json") && !contentType.startsWith("text/"),
                    event.getIsBase64Encoded(), relative + ": isBase64Encoded for " + contentType);
        }

        if (routePath.startsWith("/api/")) {
            String authorization = event.getHeaders().get("authorization");
            assertNotNull(authorization, relative + ": every /api request carries an API key");
            assertTrue(authorization.startsWith("Bearer "), relative);
            var key = ApiKeyFormat.parse(authorization.substring("Bearer ".length()));
            assertTrue(key.isPresent(), relative + ": the sample key must be a well-formed key");
            assertEquals(Mode.TEST, key.get().mode(), relative + ": test keys only in samples");
            assertEquals(ApiKeyFormat.parse(HandlerTestEnvironment.SAMPLE_KEY).orElseThrow().lookupId(),
                    key.get().lookupId(), relative + ": use the sample key (bad-key.json: its id, another secret)");
        } else {
            assertFalse(event.getHeaders().containsKey("authorization"), relative + ": browsers send no API key");
        }
    }

    private static Map<String, String> pathParameters(String routePath, String rawPath, String relative) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(routePath);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(routePath.substring(last, matcher.start()))).append("([^/]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(routePath.substring(last))).append("$");
        Matcher path = Pattern.compile(regex.toString()).matcher(rawPath);
        if (!path.matches()) {
            fail(relative + ": rawPath " + rawPath + " does not match route " + routePath);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), path.group(i + 1));
        }
        return values;
    }

    private static FunctionDefinition functionOfFolder(String folder) {
        return TEMPLATE.functions().stream().filter(f -> moduleOf(f).equals(folder)).findFirst()
                .orElseThrow(() -> new AssertionError("events/" + folder + "/ matches no function's CodeUri "
                        + "(functions/<module>/...) in template.yaml"));
    }

    /** functions/health/target/health-function.jar -> health */
    private static String moduleOf(FunctionDefinition function) {
        String codeUri = function.codeUri();
        if (codeUri == null || !codeUri.startsWith("functions/")) {
            throw new AssertionError(function.logicalId() + ": CodeUri is not under functions/: " + codeUri);
        }
        return codeUri.split("/")[1];
    }

    private static String relative(Path file) {
        return EVENTS.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every test source of every module, except this file (it names no event). */
    private static List<String> testSources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .filter(f -> !f.getFileName().toString().equals("SampleEventsTest.java"))
                    .toList()) {
                sources.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }
}
