package com.circoflows.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.banktransfer.BankCredit;
import com.circoflows.domain.merchant.ApiKeyFormat;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.HttpRoute;
import com.circoflows.localstack.QueueDefinition;
import com.circoflows.localstack.ResolutionContext;
import com.circoflows.localstack.SamTemplate;
import com.circoflows.localstack.ScheduleEventSource;
import com.circoflows.localstack.SqsEventSource;
import com.circoflows.localstack.TemplateValueResolver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps events/ honest: every file is the event its function's trigger in template.yaml really sends
 * (a payload-2.0 event for one of its HTTP routes, an SQS batch from the queue it polls, or an
 * EventBridge scheduled event of its schedule rule), and every file is used by at least one test,
 * so no sample rots unnoticed.
 */
class SampleEventsTest {
    private static final Path REPOSITORY = SamTemplate.locate().getParent();
    private static final Path EVENTS = SampleEvents.eventsDirectory();
    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.locate());
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    /** The stack the samples' ARNs and names belong to: samconfig.toml's default stack_name. */
    private static final String SAMPLE_STACK = sampleStackName();
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("^[0-9]{13}$");
    private static final Pattern SQS_ARN = Pattern.compile("^arn:aws:sqs:([a-z0-9-]+):([0-9]{12}):([A-Za-z0-9_-]{1,80})$");
    private static final Pattern RULE_ARN = Pattern.compile("^arn:aws:events:([a-z0-9-]+):([0-9]{12}):rule/([A-Za-z0-9._-]{1,64})$");
    /** EventBridge stamps scheduled events to the second, in UTC. */
    private static final Pattern EVENT_TIME = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$");
    private static final Set<String> SQS_RECORD_FIELDS = Set.of("messageId", "receiptHandle", "body", "attributes",
            "messageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion");
    /** The bank side's feed: its messages are credits, not webhook jobs. */
    private static final String BANK_CREDITS_QUEUE = "BankCreditsQueue";
    private static final Set<String> SCHEDULED_EVENT_FIELDS = Set.of("version", "id", "detail-type", "source",
            "account", "time", "region", "resources", "detail");

    @Test
    void everyFunctionHasSampleEventsAndEveryFolderIsAFunction() throws IOException {
        List<String> folders = eventFiles().stream().map(f -> EVENTS.relativize(f).getName(0).toString())
                .distinct().sorted().toList();
        List<String> modules = TEMPLATE.functions().stream().map(SampleEventsTest::moduleOf).sorted().toList();

        assertTrue(folders.containsAll(modules), "events/ needs a folder per function module: "
                + modules + ", has " + folders);
        folders.forEach(SampleEventsTest::functionOfFolder);
    }

    @Test
    void everyFunctionHasExactlyOneKindOfTrigger() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            int kinds = (function.httpRoutes().isEmpty() ? 0 : 1) + (function.sqsEventSources().isEmpty() ? 0 : 1)
                    + (function.scheduleEventSources().isEmpty() ? 0 : 1);
            assertEquals(1, kinds, function.logicalId() + ": its samples can only have one shape");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEventFileIsReferencedByATestSource() throws IOException {
        List<String> sources = testSources();
        return eventFiles().stream().map(file -> {
            String relative = relative(file);
            FunctionDefinition function = functionOfFolder(EVENTS.relativize(file).getName(0).toString());
            String loader = !function.sqsEventSources().isEmpty() ? "sqsEvent"
                    : !function.scheduleEventSources().isEmpty() ? "scheduledEvent" : "event";
            return DynamicTest.dynamicTest(relative, () -> assertTrue(
                    sources.stream().anyMatch(source -> source.contains("\"" + relative + "\"")),
                    "events/" + relative + " is used by no test: load it in one, e.g. "
                            + "SampleEvents." + loader + "(\"" + relative + "\")"));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyEventHasTheShapeApiGatewaySends() throws IOException {
        return eventFiles().stream().map(file -> DynamicTest.dynamicTest(relative(file), () -> checkShape(file)));
    }

    private static void checkShape(Path file) throws IOException {
        String relative = relative(file);
        JsonNode json = SampleEvents.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        FunctionDefinition function = functionOfFolder(EVENTS.relativize(file).getName(0).toString());
        if (!function.sqsEventSources().isEmpty()) {
            checkSqsShape(relative, json, function);
        } else if (!function.scheduleEventSources().isEmpty()) {
            checkScheduledShape(relative, json, function);
        } else {
            checkHttpShape(relative, json, function);
        }
    }

    private static void checkHttpShape(String relative, JsonNode json, FunctionDefinition function) {
        assertFalse(json.has("Records") || json.has("detail-type"), relative + ": " + function.logicalId()
                + " is triggered by HTTP routes only; an SQS or EventBridge event is not its sample");
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

        APIGatewayV2HTTPEvent event = SampleEvents.event(relative);
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
        assertEquals(queryParameters(event.getRawQueryString()),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                relative + ": queryStringParameters are rawQueryString parsed (and absent when it is empty)");
        assertFalse(json.has("queryStringParameters") && event.getQueryStringParameters().isEmpty(),
                relative + ": HTTP APIs leave queryStringParameters out rather than send it empty");

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
            assertEquals(ApiKeyFormat.parse(SampleEvents.SAMPLE_KEY).orElseThrow().lookupId(),
                    key.get().lookupId(), relative + ": use the sample key (bad-key.json: its id, another secret)");
        } else {
            assertFalse(event.getHeaders().containsKey("authorization"), relative + ": browsers send no API key");
        }
    }

    /**
     * An SQS event as Lambda's event source mapping sends it: {@code Records} only, each record with
     * the message's id, receipt handle, body and its MD5, SQS's system attributes, and the ARN of a
     * queue this function really polls (for a dead-letter queue, the source queue's ARN too).
     */
    private static void checkSqsShape(String relative, JsonNode json, FunctionDefinition function) {
        assertEquals(Set.of("Records"), fieldNames(json), relative + ": an SQS event holds Records and nothing else");
        JsonNode records = json.get("Records");
        assertTrue(records.isArray() && records.size() >= 1, relative + ": Records is a non-empty array");
        int largestBatch = function.sqsEventSources().stream().mapToInt(SqsEventSource::batchSize).max().orElseThrow();
        assertTrue(records.size() <= largestBatch, relative + ": more records than the BatchSize of " + largestBatch);
        for (JsonNode record : records) {
            String at = relative + " record " + record.path("messageId").asText();
            assertEquals(SQS_RECORD_FIELDS, fieldNames(record), at + ": the fields Lambda sends for a standard queue");
            assertTrue(UUID.matcher(record.get("messageId").asText()).matches(), at + ": messageId is a UUID");
            assertFalse(record.get("receiptHandle").asText().isBlank(), at + ": receiptHandle");
            assertEquals(md5Hex(record.get("body").asText()), record.get("md5OfBody").asText(), at + ": md5OfBody");
            assertTrue(record.get("messageAttributes").isObject(), at + ": messageAttributes is an object");
            assertEquals("aws:sqs", record.get("eventSource").asText(), at);

            JsonNode attributes = record.get("attributes");
            for (String name : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                    "ApproximateFirstReceiveTimestamp")) {
                assertTrue(attributes.path(name).isTextual(), at + ": attributes." + name + " is a string");
            }
            assertTrue(Integer.parseInt(attributes.get("ApproximateReceiveCount").asText()) >= 1, at);
            assertTrue(EPOCH_MILLIS.matcher(attributes.get("SentTimestamp").asText()).matches(), at + ": SentTimestamp");
            assertTrue(EPOCH_MILLIS.matcher(attributes.get("ApproximateFirstReceiveTimestamp").asText()).matches(), at);
            assertTrue(Long.parseLong(attributes.get("ApproximateFirstReceiveTimestamp").asText())
                    >= Long.parseLong(attributes.get("SentTimestamp").asText()), at + ": received before it was sent");

            Matcher arn = SQS_ARN.matcher(record.get("eventSourceARN").asText());
            assertTrue(arn.matches(), at + ": eventSourceARN " + record.get("eventSourceARN").asText());
            assertEquals(arn.group(1), record.get("awsRegion").asText(), at + ": awsRegion is the queue's region");
            assertTrue(REGION.matcher(arn.group(1)).matches(), at + ": region");
            String queue = queueNamed(arn.group(3));
            assertTrue(function.sqsEventSources().stream().anyMatch(source -> source.queueLogicalId().equals(queue)),
                    at + ": " + queue + " is not a queue " + function.logicalId() + " polls in template.yaml; it polls "
                            + function.sqsEventSources().stream().map(SqsEventSource::queueLogicalId).toList());

            List<String> sources = TEMPLATE.queues().stream()
                    .filter(q -> q.redrive() != null && q.redrive().deadLetterQueueLogicalId().equals(queue))
                    .map(QueueDefinition::logicalId).toList();
            if (sources.isEmpty()) {
                assertFalse(attributes.has("DeadLetterQueueSourceArn"), at + ": " + queue + " is no dead-letter queue");
            } else {
                Matcher source = SQS_ARN.matcher(attributes.path("DeadLetterQueueSourceArn").asText());
                assertTrue(source.matches(), at + ": a message SQS moved to " + queue
                        + " carries attributes.DeadLetterQueueSourceArn");
                assertTrue(sources.contains(queueNamed(source.group(3))), at + ": DeadLetterQueueSourceArn names "
                        + source.group(3) + ", not a queue whose RedrivePolicy targets " + queue);
                assertEquals(arn.group(1) + ":" + arn.group(2), source.group(1) + ":" + source.group(2),
                        at + ": a dead-letter queue is in its source queue's account and region");
            }

            if (queue.equals(BANK_CREDITS_QUEUE)) {
                checkBankCredit(relative, at, record.get("body").asText());
                continue;
            }
            // The other SQS functions consume webhook jobs, as SqsWebhookJobQueue writes them.
            JsonNode body = readJson(record.get("body").asText(), at + ": body");
            assertEquals(Set.of("event_id", "merchant_id"), fieldNames(body), at + ": a job names event and merchant");
            assertTrue(body.get("event_id").asText().matches("^evt_[0-9A-Za-z]{24}$"), at + ": event_id");
            assertTrue(body.get("merchant_id").asText().matches("^mch_[0-9A-Za-z]{20}$"), at + ": merchant_id");
        }

        SQSEvent event = SampleEvents.sqsEvent(relative);
        assertEquals(records.size(), event.getRecords().size(), relative + ": read as the Lambda runtime reads it");
        assertEquals(records.get(0).get("eventSourceARN").asText(), event.getRecords().get(0).getEventSourceArn(),
                relative);
    }

    /**
     * A bank credit feed message (docs/openapi.yaml, x-bank-credit-feed) as the consumer reads it; a sample
     * named unreadable*.json is one it must refuse (and so never delete), and is still JSON.
     */
    private static void checkBankCredit(String relative, String at, String body) {
        readJson(body, at + ": body");
        boolean meantUnreadable = relative.substring(relative.lastIndexOf('/') + 1).startsWith("unreadable");
        if (meantUnreadable) {
            assertThrows(BankCreditMessages.UnreadableCredit.class, () -> BankCreditMessages.read(body),
                    at + ": an unreadable sample must be one the consumer refuses");
        } else {
            BankCredit credit = BankCreditMessages.read(body);
            assertEquals(body, BankCreditMessages.write(credit),
                    at + ": the body is a credit exactly as the feed writes it (field order, no spaces)");
        }
    }

    /**
     * An EventBridge scheduled event as the rule SAM creates for the function's Schedule sends it:
     * version 0, detail-type "Scheduled Event", source aws.events, the rule's ARN as the only resource,
     * an empty detail and a time to the second.
     */
    private static void checkScheduledShape(String relative, JsonNode json, FunctionDefinition function) {
        assertEquals(SCHEDULED_EVENT_FIELDS, fieldNames(json), relative + ": the fields of an EventBridge event");
        assertEquals("0", json.get("version").asText(), relative);
        assertTrue(UUID.matcher(json.get("id").asText()).matches(), relative + ": id is a UUID");
        assertEquals("Scheduled Event", json.get("detail-type").asText(), relative);
        assertEquals("aws.events", json.get("source").asText(), relative);
        assertTrue(ACCOUNT.matcher(json.get("account").asText()).matches(), relative + ": account");
        assertTrue(REGION.matcher(json.get("region").asText()).matches(), relative + ": region");
        assertTrue(EVENT_TIME.matcher(json.get("time").asText()).matches(), relative + ": time, to the second, UTC");
        Instant.parse(json.get("time").asText());
        assertTrue(json.get("detail").isObject() && json.get("detail").isEmpty(), relative + ": detail is {}");
        JsonNode resources = json.get("resources");
        assertTrue(resources.isArray() && resources.size() == 1, relative + ": resources is the one rule");
        Matcher rule = RULE_ARN.matcher(resources.get(0).asText());
        assertTrue(rule.matches(), relative + ": resources[0] is a rule ARN: " + resources.get(0).asText());
        assertEquals(json.get("region").asText(), rule.group(1), relative + ": the rule is in the event's region");
        assertEquals(json.get("account").asText(), rule.group(2), relative + ": the rule is in the event's account");
        // SAM names the rule <stack>-<FunctionLogicalId><EventName>-<suffix>.
        assertTrue(function.scheduleEventSources().stream().filter(ScheduleEventSource::enabled).anyMatch(source ->
                        rule.group(3).startsWith(SAMPLE_STACK + "-" + function.logicalId() + source.eventName() + "-")),
                relative + ": rule " + rule.group(3) + " is not one SAM creates for an enabled Schedule of "
                        + function.logicalId() + " (" + function.scheduleEventSources().stream()
                                .map(ScheduleEventSource::eventName).toList() + ") in stack " + SAMPLE_STACK);

        ScheduledEvent event = SampleEvents.scheduledEvent(relative);
        assertEquals("Scheduled Event", event.getDetailType(), relative + ": read as the Lambda runtime reads it");
        assertEquals(Instant.parse(json.get("time").asText()).toEpochMilli(), event.getTime().getMillis(), relative);
    }

    /** The template queue whose name, for the samples' stack, is {@code physicalName}. */
    private static String queueNamed(String physicalName) {
        TemplateValueResolver resolver = new TemplateValueResolver(TEMPLATE);
        ResolutionContext context = ResolutionContext.of(SAMPLE_STACK, "us-east-1", Map.of());
        return TEMPLATE.queues().stream()
                .filter(queue -> resolver.resolveQueueName(queue, context).equals(physicalName))
                .map(QueueDefinition::logicalId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue of template.yaml is named " + physicalName
                        + " in stack " + SAMPLE_STACK));
    }

    private static String sampleStackName() {
        try {
            Matcher matcher = Pattern.compile("(?m)^stack_name\\s*=\\s*\"([^\"]+)\"")
                    .matcher(Files.readString(REPOSITORY.resolve("samconfig.toml"), StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw new AssertionError("samconfig.toml names no stack_name");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new AssertionError("cannot read samconfig.toml", e);
        }
    }

    private static Map<String, String> queryParameters(String rawQueryString) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return values;
        }
        for (String pair : rawQueryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            // HTTP APIs join repeated parameters with commas.
            values.merge(name, value, (first, next) -> first + "," + next);
        }
        return values;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode readJson(String text, String what) {
        try {
            return SampleEvents.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + text, e);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
