package com.circoflows.localrunner.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.sqs.BankCreditMessages;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.error.ErrorType;
import com.circoflows.localrunner.openapi.OpenApiDocument.Operation;
import com.circoflows.localstack.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml against template.yaml and the code's error catalogue, and its examples against its
 * own schemas. What the end-to-end tests' answers are held to is in {@link OpenApiContractValidationTest}.
 */
class OpenApiContractTest {
    /**
     * ErrorCode values no code path answers with, so the document does not list them. ROUTE_NOT_FOUND:
     * a path no route matches never reaches a function; API Gateway answers it (x-gateway-responses).
     */
    private static final Set<ErrorCode> NEVER_ANSWERED = Set.of(ErrorCode.ROUTE_NOT_FOUND);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final OpenApiContract contract = OpenApiContract.get();
    private final OpenApiDocument document = contract.document();

    @Test
    void everyRouteOfTheTemplateIsAnOperationOfTheSpecAndTheReverse() {
        Set<String> template = SamTemplate.load(SamTemplate.locate()).functions().stream()
                .flatMap(function -> function.httpRoutes().stream())
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> spec = document.operations().stream().map(Operation::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missingFromSpec = new TreeSet<>(template);
        missingFromSpec.removeAll(spec);
        Set<String> missingFromTemplate = new TreeSet<>(spec);
        missingFromTemplate.removeAll(template);
        assertTrue(missingFromSpec.isEmpty() && missingFromTemplate.isEmpty(),
                "routes in template.yaml but not in " + OpenApiDocument.RELATIVE_PATH + ": " + missingFromSpec
                        + "; operations in " + OpenApiDocument.RELATIVE_PATH + " that template.yaml has no route for: "
                        + missingFromTemplate);
    }

    @Test
    void everyExampleMatchesTheSchemaItIllustrates() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String operationPointer : operationPointers()) {
            JsonNode operation = document.at(operationPointer);
            String body = operationPointer + "/requestBody";
            if (operation.has("requestBody")) {
                checked += checkExamples(document.resolvedPointer(body), failures);
            }
            for (Iterator<String> statuses = operation.path("responses").fieldNames(); statuses.hasNext(); ) {
                checked += checkExamples(document.resolvedPointer(operationPointer + "/responses/" + statuses.next()),
                        failures);
            }
        }
        for (Iterator<String> statuses = document.root().path("x-gateway-responses").fieldNames(); statuses.hasNext(); ) {
            checked += checkExamples(document.resolvedPointer("/x-gateway-responses/" + statuses.next()), failures);
        }
        assertTrue(failures.isEmpty(), "examples that do not match their schema:\n  " + String.join("\n  ", failures));
        assertTrue(checked >= 60, "only " + checked + " examples were found: is the document's layout what this test reads?");
    }

    @Test
    void theErrorCodesAreTheCodeCatalogueExceptCodesNothingAnswers() {
        Set<String> code = Arrays.stream(ErrorCode.values()).filter(c -> !NEVER_ANSWERED.contains(c))
                .map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(code, enumOf("/components/schemas/ErrorCode"),
                "components.schemas.ErrorCode must list ErrorCode's codes (a new code lands with its spec)");
    }

    /**
     * The bank credit feed is no HTTP operation, so nothing above reads it: its documented examples must
     * match its schema and be read by the consumer's own reader, what the test bank writes must match the
     * schema, and messages the schema refuses must be refused by the reader (they go to the DLQ).
     */
    @Test
    void theBankCreditFeedsSchemaIsWhatItsConsumerReadsAndItsTestBankWrites() {
        String media = "/x-bank-credit-feed/message/content/application~1json";
        JsonNode examples = document.at(media + "/examples");
        assertTrue(examples != null && examples.size() >= 3, "x-bank-credit-feed documents its message with examples");
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = examples.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> example = entries.next();
            String message = example.getValue().path("value").toString();
            contract.schema(media + "/schema").validate(example.getValue().path("value"))
                    .forEach(error -> failures.add(example.getKey() + ": " + error));
            try {
                String written = BankCreditMessages.write(BankCreditMessages.read(message));
                contract.schema(media + "/schema").validate(JsonMapper.builder().build().readTree(written))
                        .forEach(error -> failures.add(example.getKey() + " as the test bank writes it: " + error));
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                failures.add(example.getKey() + ": the consumer cannot read it (" + e.getMessage() + ")");
            }
        }
        assertEquals(List.of(), failures);
        for (String refused : List.of(
                "{\"amount\":0,\"currency\":\"EUR\",\"bank_reference\":\"B1\",\"received_at\":\"2026-12-06T17:22:13Z\"}",
                "{\"amount\":100,\"currency\":\"EUR\",\"received_at\":\"2026-12-06T17:22:13Z\"}",
                "{\"amount\":100,\"currency\":\"EUR\",\"bank_reference\":\"B 1\",\"received_at\":\"2026-12-06T17:22:13Z\"}",
                "{\"amount\":100,\"currency\":\"EUR\",\"bank_reference\":\"B1\",\"received_at\":\"2026-12-06T17:22:13Z\",\"iban\":\"x\"}",
                "{\"amount\":\"100\",\"currency\":\"EUR\",\"bank_reference\":\"B1\",\"received_at\":\"2026-12-06T17:22:13Z\"}")) {
            try {
                assertFalse(contract.schema(media + "/schema").validate(JsonMapper.builder().build().readTree(refused))
                        .isEmpty(), "the schema refuses " + refused);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
            assertThrows(BankCreditMessages.UnreadableCredit.class, () -> BankCreditMessages.read(refused),
                    "the consumer refuses " + refused);
        }
    }

    @Test
    void theErrorTypesAreTheCodeTypes() {
        Set<String> code = Arrays.stream(ErrorType.values()).map(ErrorType::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(code, enumOf("/components/schemas/ErrorType"));
    }

    @Test
    void everyApiOperationDocumentsTheAnswersAnyRequestCanGet() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        for (Operation operation : document.operations()) {
            JsonNode node = operation.node();
            if (operation.operationId() == null || !operationIds.add(operation.operationId())) {
                problems.add(operation + ": no operationId, or one another operation has");
            }
            Set<String> statuses = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(statuses::add);
            for (String status : statuses) {
                if (!document.resolve(node.path("responses").path(status)).hasNonNull("description")) {
                    problems.add(operation + " " + status + ": no description");
                }
            }
            Set<String> declared = parameterNames(operation);
            Matcher pathParameter = PATH_PARAMETER.matcher(operation.path());
            while (pathParameter.find()) {
                if (!declared.contains("path:" + pathParameter.group(1))) {
                    problems.add(operation + ": path parameter " + pathParameter.group(1) + " not declared");
                }
            }
            if (operation.path().startsWith("/api/")) {
                if (node.has("security")) {
                    problems.add(operation + ": an /api operation overrides the document's bearer security");
                }
                for (String always : List.of("401", "429", "500", "503")) {
                    if (!statuses.contains(always)) {
                        problems.add(operation + ": does not document " + always + ", which any /api request can get");
                    }
                }
                boolean write = operation.method().equals("POST") || operation.method().equals("PUT");
                if (write && !(declared.contains("header:Idempotency-Key") && statuses.contains("409")
                        && statuses.contains("422"))) {
                    problems.add(operation + ": a write without the Idempotency-Key header and its 409/422");
                }
            } else if (!node.path("security").isArray() || !node.path("security").isEmpty()) {
                problems.add(operation + ": a customer-facing page must say security: [] (no API key)");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private List<String> operationPointers() {
        List<String> pointers = new ArrayList<>();
        document.operations().forEach(operation -> pointers.add(operation.pointer()));
        for (Iterator<String> names = document.root().path("webhooks").fieldNames(); names.hasNext(); ) {
            pointers.add("/webhooks/" + OpenApiDocument.escape(names.next()) + "/post");
        }
        return pointers;
    }

    /** Validates each example of each media type of the object at {@code pointer}; returns how many. */
    private int checkExamples(String pointer, List<String> failures) {
        int checked = 0;
        JsonNode content = document.at(pointer).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (!type.getValue().has("schema")) {
                continue;
            }
            String schemaPointer = pointer + "/content/" + OpenApiDocument.escape(type.getKey()) + "/schema";
            for (Iterator<Map.Entry<String, JsonNode>> examples = type.getValue().path("examples").fields();
                    examples.hasNext(); ) {
                Map.Entry<String, JsonNode> example = examples.next();
                checked++;
                for (Error error : contract.schema(schemaPointer).validate(example.getValue().path("value"))) {
                    failures.add(pointer + " example '" + example.getKey() + "': " + error);
                }
            }
        }
        return checked;
    }

    private Set<String> parameterNames(Operation operation) {
        Set<String> names = new HashSet<>();
        JsonNode parameters = operation.node().path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = document.resolve(parameters.get(i));
            names.add(parameter.path("in").asText() + ":" + parameter.path("name").asText());
        }
        return names;
    }

    private Set<String> enumOf(String pointer) {
        Set<String> values = new TreeSet<>();
        document.at(pointer).path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }
}
