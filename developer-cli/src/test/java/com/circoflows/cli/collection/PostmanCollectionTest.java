package com.circoflows.cli.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed Postman collection (examples/postman) against docs/openapi.yaml: it is what the
 * generator makes of the spec today, it has every merchant API operation once and nothing else, and it
 * holds nothing a developer must not share. Failure messages never show a card number, only its last four
 * digits (the suite's output is scanned for card numbers).
 */
class PostmanCollectionTest {
    /** Surefire runs with the module directory as working directory. */
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    private static final Path API_DOC = Path.of("..", "docs", "api.md");
    private static final Path COMMITTED = Path.of("..", "examples", "postman", "circoflows.postman_collection.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String generated;
    private static JsonNode collection;

    @BeforeAll
    static void generateFromTheSpec() throws IOException {
        assertTrue(Files.isRegularFile(SPEC), "no spec at " + SPEC.toAbsolutePath());
        generated = PostmanCollection.fromSpec(SPEC);
        collection = JSON.readTree(generated);
    }

    @Test
    void committedCollectionIsWhatTheGeneratorMakesOfTheCurrentSpec() throws IOException {
        assertTrue(Files.isRegularFile(COMMITTED), "no committed collection at " + COMMITTED.toAbsolutePath()
                + "; make it with: " + PostmanCollection.REGENERATE);
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);

        // Only a line number in the message: the lines hold the test card numbers.
        assertTrue(committed.equals(generated), () -> "examples/postman/circoflows.postman_collection.json"
                + " no longer matches docs/openapi.yaml (first difference on line "
                + firstDifferentLine(committed, generated) + "); regenerate it from the project root: " + PostmanCollection.REGENERATE);
    }

    @Test
    void generatingTwiceGivesTheSameTextSoTheFileOnlyChangesWithTheSpec() throws IOException {
        assertTrue(generated.equals(PostmanCollection.fromSpec(SPEC)), "two runs on the same spec differ");
        assertTrue(collection.at("/info/_postman_id").asText().matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
                "the collection's id is a UUID");
    }

    @Test
    void everyApiOperationOfTheSpecIsInTheCollectionExactlyOnceWithItsMethodAndPath() throws IOException {
        List<String> inSpec = apiOperationsOfTheSpec();
        List<String> inCollection = requests().stream().map(PostmanCollectionTest::methodAndPath).sorted().toList();

        assertTrue(inSpec.size() >= 30, "operations read from the spec: " + inSpec);
        assertEquals(inSpec, inCollection, "the collection's requests against the spec's /api operations");
    }

    @Test
    void noDashboardOrCustomerPageRouteIsInTheCollection() {
        for (JsonNode request : requests()) {
            assertTrue(pathOf(request).startsWith("/api/"), "not a merchant API request: " + methodAndPath(request));
            assertTrue(request.at("/request/url/raw").asText().startsWith("{{baseUrl}}/api/"),
                    "raw URL of " + methodAndPath(request));
        }
    }

    @Test
    void requestsAreFolderedByTheirTagAndNamedByTheirSummary() throws IOException {
        Map<String, Object> paths = Maps.child(readSpec(), "paths");
        for (JsonNode folder : collection.get("item")) {
            for (JsonNode request : folder.get("item")) {
                String method = request.at("/request/method").asText().toLowerCase(Locale.ROOT);
                Map<String, Object> operation = Maps.child(Maps.child(paths, pathOf(request)), method);
                assertEquals(String.valueOf(Maps.list(operation, "tags").get(0)), folder.get("name").asText(),
                        "folder of " + methodAndPath(request));
                assertEquals(Maps.text(operation, "summary"), request.get("name").asText(),
                        "name of " + methodAndPath(request));
            }
        }
    }

    @Test
    void everyPostAndPutSendsAFreshIdempotencyKeyAndNoOtherMethodDoes() {
        for (JsonNode request : requests()) {
            String method = request.at("/request/method").asText();
            List<String> keys = new ArrayList<>();
            for (JsonNode header : request.at("/request/header")) {
                if (header.get("key").asText().equalsIgnoreCase("Idempotency-Key")) {
                    keys.add(header.get("value").asText());
                }
            }
            if (method.equals("POST") || method.equals("PUT")) {
                assertEquals(List.of("{{$guid}}"), keys, "Idempotency-Key of " + methodAndPath(request));
            } else {
                assertEquals(List.of(), keys, "Idempotency-Key of " + methodAndPath(request));
            }
        }
    }

    @Test
    void pathParametersArePostmanVariablesFilledWithTheSpecsExample() {
        JsonNode getPayment = request("GET", "/api/direct-payment/{transaction_id}");

        assertEquals("{{baseUrl}}/api/direct-payment/:transaction_id", getPayment.at("/request/url/raw").asText());
        JsonNode variable = getPayment.at("/request/url/variable/0");
        assertEquals("transaction_id", variable.get("key").asText());
        assertTrue(variable.get("value").asText().matches("txn_[0-9A-Za-z]{24}"), "an example transaction id");
    }

    @Test
    void optionalQueryParametersAreListedButSwitchedOff() {
        JsonNode query = request("GET", "/api/direct-payment").at("/request/url/query");
        Set<String> keys = new TreeSet<>();
        for (JsonNode parameter : query) {
            keys.add(parameter.get("key").asText());
            assertTrue(parameter.path("disabled").asBoolean(), parameter.get("key") + " is switched off");
            assertFalse(parameter.path("description").asText().isBlank(), parameter.get("key") + " has a description");
        }
        assertTrue(keys.containsAll(Set.of("limit", "cursor", "status", "created_from", "customer_email")), "" + keys);
        assertEquals("{{baseUrl}}/api/direct-payment",
                request("GET", "/api/direct-payment").at("/request/url/raw").asText(), "switched-off ones stay out");
    }

    @Test
    void bodiesAreJsonAndTheDirectPaymentCarriesTheReferenceExample() throws IOException {
        for (JsonNode request : requests()) {
            JsonNode body = request.at("/request/body");
            if (!body.isMissingNode()) {
                assertEquals("json", body.at("/options/raw/language").asText(), "body of " + methodAndPath(request));
                JSON.readTree(body.get("raw").asText()); // throws when it is no JSON
            }
        }
        JsonNode payment = JSON.readTree(request("POST", "/api/direct-payment").at("/request/body/raw").asText());
        JsonNode reference = JSON.valueToTree(childAt(readSpec(), "paths", "/api/direct-payment", "post",
                "requestBody", "content", "application/json", "examples", "reference").get("value"));

        // Compared whole, reported without values: the body holds a test card number.
        assertTrue(reference.equals(payment), "the direct payment's body is not the spec's reference example");
        assertEquals(15000, payment.get("amount").asInt());
        assertEquals("USD", payment.get("currency").asText());
        assertEquals("card", payment.get("payment_method").asText());
        assertEquals("John Doe", payment.at("/customer_info/name").asText());
    }

    @Test
    void aSessionsExpiryIsSetADayAheadWhenSentSoTheImportedRequestNeverCarriesAPastDate() throws IOException {
        JsonNode body = JSON.readTree(request("POST", "/api/hosted-payment").at("/request/body/raw").asText());
        assertEquals("{{expiresAt}}", body.path("expires_at").asText(), body::toString);
        JsonNode event = collection.path("event").path(0);
        assertEquals("prerequest", event.path("listen").asText(), collection.path("event")::toString);
        assertEquals(PostmanCollection.EXPIRES_AT_SCRIPT, event.at("/script/exec/0").asText());
    }

    @Test
    void theCollectionAuthenticatesByTheApiKeyVariableAgainstTheLocalRunner() {
        assertEquals(PostmanCollection.SCHEMA, collection.at("/info/schema").asText());
        assertEquals("bearer", collection.at("/auth/type").asText());
        assertEquals("{{apiKey}}", collection.at("/auth/bearer/0/value").asText());
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode variable : collection.get("variable")) {
            variables.put(variable.get("key").asText(), variable.get("value").asText());
        }
        assertEquals(Map.of("baseUrl", "http://localhost:3000", "apiKey", ""), variables);
        for (JsonNode request : requests()) {
            assertTrue(request.at("/request/auth").isMissingNode(), methodAndPath(request) + " inherits the key");
        }
    }

    @Test
    void theCommittedCollectionHoldsNoSecretNorCardNumberButTheDocumentedTestCards() throws IOException {
        String text = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        Set<String> testCards = documentedTestCards();
        assertTrue(testCards.size() >= 10, "test cards read from docs/api.md: " + testCards.size());

        Matcher digits = Pattern.compile("(?<![0-9A-Za-z])\\d(?:[ -]?\\d){12,18}(?![0-9A-Za-z])").matcher(text);
        while (digits.find()) {
            String number = digits.group().replaceAll("[ -]", "");
            if (passesLuhn(number)) {
                assertTrue(testCards.contains(number), "a card number that is no documented test card, ending "
                        + number.substring(number.length() - 4));
            }
        }
        for (Pattern secret : List.of(
                Pattern.compile("cf_(test|live)_[0-9A-Za-z]{12,}"), // an API key
                Pattern.compile("whsec_[0-9A-Za-z+/=]{12,}"), // a webhook signing secret
                Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY"),
                Pattern.compile("AKIA[0-9A-Z]{16}"), // an AWS access key id
                Pattern.compile("(?i)bearer\\s+(?!\\{\\{)[0-9A-Za-z_]{16,}"))) {
            assertFalse(secret.matcher(text).find(), "the collection holds something like a secret: " + secret);
        }
    }

    private static List<String> apiOperationsOfTheSpec() throws IOException {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : Maps.child(readSpec(), "paths").entrySet()) {
            if (path.getKey().startsWith("/api/")) {
                for (String method : Maps.of(path.getValue()).keySet()) {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
        }
        return operations.stream().sorted().toList();
    }

    private static Map<String, Object> childAt(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = Maps.child(current, key);
        }
        return current;
    }

    private static Map<String, Object> readSpec() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10_000);
        options.setCodePointLimit(20 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(SPEC, StandardCharsets.UTF_8)) {
            return Maps.of(new Yaml(options).load(reader));
        }
    }

    /** The numbers of the table under "Test cards" in docs/api.md. */
    private static Set<String> documentedTestCards() throws IOException {
        String doc = Files.readString(API_DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("## Test cards");
        assertTrue(start >= 0, "docs/api.md has a Test cards section");
        int end = doc.indexOf("\n## ", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Matcher rows = Pattern.compile("(?m)^\\|\\s*(\\d{13,19})\\s*\\|").matcher(section);
        Set<String> cards = new TreeSet<>();
        while (rows.find()) {
            cards.add(rows.group(1));
        }
        return cards;
    }

    private static boolean passesLuhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        collectRequests(collection.get("item"), requests);
        return requests;
    }

    private static void collectRequests(JsonNode items, List<JsonNode> into) {
        for (JsonNode item : items) {
            if (item.has("request")) {
                into.add(item);
            } else {
                collectRequests(item.path("item"), into);
            }
        }
    }

    private static JsonNode request(String method, String path) {
        return requests().stream().filter(request -> methodAndPath(request).equals(method + " " + path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request " + method + " " + path));
    }

    /** {@code GET /api/direct-payment/{transaction_id}} from the request's method and Postman path. */
    private static String methodAndPath(JsonNode request) {
        return request.at("/request/method").asText() + " " + pathOf(request);
    }

    private static String pathOf(JsonNode request) {
        List<String> segments = new ArrayList<>();
        for (JsonNode segment : request.at("/request/url/path")) {
            String text = segment.asText();
            segments.add(text.startsWith(":") ? "{" + text.substring(1) + "}" : text);
        }
        return segments.stream().collect(Collectors.joining("/", "/", ""));
    }

    private static int firstDifferentLine(String left, String right) {
        String[] leftLines = left.split("\n", -1);
        String[] rightLines = right.split("\n", -1);
        int line = 0;
        while (line < leftLines.length && line < rightLines.length && leftLines[line].equals(rightLines[line])) {
            line++;
        }
        return line + 1;
    }
}
