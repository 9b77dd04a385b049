package com.circoflows.localrunner.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.adapters.dynamodb.DynamoApiKeyRepository;
import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;
import com.circoflows.domain.merchant.ApiKeyIssuer;
import com.circoflows.domain.merchant.BcryptSecretHasher;
import com.circoflows.domain.merchant.MerchantOnboarding;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What `sam deploy` uploads is each function's shaded jar, not our Maven classpath. This loads every
 * jar the template's CodeUri names into a class loader of its own (nothing else on it), constructs
 * the handler the way Lambda does, and runs a sample event from events/ through it against DynamoDB
 * Local and ElasticMQ: a jar missing a class or a service file fails here, not in AWS.
 */
class DeployableArtifactsIT {
    private static final String SAMPLE_KEY = "cf_test_SAMPLEkeyForEvents00ReplaceWithYourOwnTestKey000";
    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/netty/", "org/apache/http/",
            "io/netty/", "org/joda/time/", "com/amazonaws/services/dynamodbv2/local/", "org/elasticmq/");
    private static final Map<String, Sample> SAMPLES = Map.of(
            "HealthFunction", new Sample("events/health/ok.json", 200),
            "CreateDirectPaymentFunction", new Sample("events/direct-payment-create/success.json", 200),
            "GetDirectPaymentFunction", new Sample("events/direct-payment-status/not-found.json", 404),
            "ConfirmThreeDSecureFunction", new Sample("events/direct-payment-confirm-3ds/bad-input.json", 400),
            "ThreeDSecurePageFunction", new Sample("events/three-ds-page/show.json", 404));

    private static LocalStack stack;
    private static Path root;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStackOptions.defaults()
                .withParameter("AppSecretKey", "deployable-artifacts-it-secret-0123456789")
                .withParameter("PublicBaseUrl", "http://localhost:3000"));
        root = com.circoflows.localstack.SamTemplate.locate().getParent();
        Clock clock = Clock.systemUTC();
        new MerchantOnboarding(
                new DynamoMerchantRepository(stack.dynamoDbClient(), stack.resources().tableName("MerchantsTable")),
                new ApiKeyIssuer(new DynamoApiKeyRepository(stack.dynamoDbClient(),
                        stack.resources().tableName("ApiKeysTable")), new BcryptSecretHasher(4), clock),
                clock).createMerchantWithKey("Artifact Merchant", SAMPLE_KEY);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @TestFactory
    List<DynamicTest> eachShadedJarServesItsSampleEventOnItsOwn() {
        assertEquals(SAMPLES.keySet(), Map.copyOf(stack.template().functions().stream()
                .collect(java.util.stream.Collectors.toMap(FunctionDefinition::logicalId, f -> 1))).keySet(),
                "every template function needs a sample here");
        return stack.template().functions().stream()
                .map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> runSample(function)))
                .toList();
    }

    private static void runSample(FunctionDefinition function) throws Exception {
        Path jar = root.resolve(function.codeUri());
        assertTrue(Files.isRegularFile(jar), jar + " is not built (mvn package)");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(e -> e.getName()).forEach(name -> FORBIDDEN_PACKAGES.forEach(forbidden ->
                    assertFalse(name.startsWith(forbidden), jar.getFileName() + " must not contain " + name)));
        }
        Map<String, String> environment = new HashMap<>(stack.environmentOf(function));
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("CIRCOFLOWS_LOCAL_MODE", "true");

        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Object handler = construct(isolated, function.handlerClassName(), environment);
            Object event = readEvent(isolated, Files.readString(root.resolve(SAMPLES.get(function.logicalId()).event())));
            Method handle = findHandleRequest(handler.getClass());
            Object response = handle.invoke(handler, event, null);
            int status = (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
            String body = (String) response.getClass().getMethod("getBody").invoke(response);
            assertEquals(SAMPLES.get(function.logicalId()).status(), status, function.logicalId() + ": " + body);
        }
    }

    /** Settings.withEnvironment from the jar's own copy of the class, as the handler will read it. */
    @SuppressWarnings("unchecked")
    private static Object construct(ClassLoader loader, String handlerClass, Map<String, String> environment)
            throws Exception {
        Class<?> settings = loader.loadClass("com.circoflows.config.Settings");
        Method withEnvironment = settings.getMethod("withEnvironment", Map.class, Supplier.class);
        Supplier<Object> construction = () -> {
            try {
                return loader.loadClass(handlerClass).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        return withEnvironment.invoke(null, environment, construction);
    }

    /** The event class and JSON reader both come from the jar, as the Lambda runtime would use them. */
    private static Object readEvent(ClassLoader loader, String json) throws Exception {
        Class<?> mapperClass = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
        Object mapper = mapperClass.getConstructor().newInstance();
        Class<?> feature = loader.loadClass("com.fasterxml.jackson.databind.DeserializationFeature");
        Object ignoreUnknown = feature.getField("FAIL_ON_UNKNOWN_PROPERTIES").get(null);
        mapperClass.getMethod("configure", feature, boolean.class).invoke(mapper, ignoreUnknown, false);
        Class<?> eventClass = loader.loadClass("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
        return mapperClass.getMethod("readValue", String.class, Class.class).invoke(mapper, json, eventClass);
    }

    private static Method findHandleRequest(Class<?> handlerClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2
                    && !method.isBridge()
                    && method.getParameterTypes()[0].getSimpleName().equals("APIGatewayV2HTTPEvent")) {
                return method;
            }
        }
        throw new IllegalStateException(handlerClass + " has no handleRequest(APIGatewayV2HTTPEvent, Context)");
    }

    private record Sample(String event, int status) {
    }
}
