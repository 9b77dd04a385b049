package com.circoflows.localrunner;

import com.circoflows.config.Settings;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.HttpRoute;
import com.circoflows.localstack.LocalStack;
import com.circoflows.localstack.LocalStackOptions;
import com.circoflows.localstack.LocalStacks;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole API in one JVM: DynamoDB Local and ElasticMQ provisioned from template.yaml, every
 * template function constructed with its template environment, and an HTTP front that routes as
 * the template's HttpApi events say.
 */
public final class LocalRunner implements AutoCloseable {
    static {
        // The webhook receivers that tests and benchmarks run beside the runner are JDK HTTP servers:
        // without it each of their kept-alive answers waits ~40 ms for Nagle's algorithm.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final LocalStack stack;
    private final HttpFront front;
    private final DemoMerchant.Credentials demo;
    private final List<LocalFunction> functions;
    /** The functions' log lines also going to the data folder; null when it has none. */
    private final FunctionLogTee functionLogs;
    /** SQS event source mappings and schedules (EventSourceSupervisor); stopped before the stack. */
    private EventSourceSupervisor eventSources;

    private LocalRunner(LocalStack stack, HttpFront front, DemoMerchant.Credentials demo, List<LocalFunction> functions,
            FunctionLogTee functionLogs) {
        this.stack = stack;
        this.front = front;
        this.demo = demo;
        this.functions = functions;
        this.functionLogs = functionLogs;
    }

    public static LocalRunner start(LocalRunnerOptions options) {
        // Bind first: with port 0 the real port is known only now, and it is part of PUBLIC_BASE_URL.
        Http11Server server = HttpFront.bind(options.host(), options.port());
        int port = server.port();
        LocalStack stack = null;
        FunctionLogTee functionLogs = null;
        try {
            // Before any function is constructed, so their initialisation's lines are kept too.
            functionLogs = options.dataDir() == null ? null : FunctionLogTee.install(options.dataDir());
            // Embedded unless a test JVM was switched to LocalStack (-Plocalstack); bin/run-local never is.
            stack = LocalStacks.start(LocalStackOptions.defaults()
                    .withDataDir(options.dataDir())
                    .withDynamoDbPort(options.dynamoDbPort())
                    .withSqsPort(options.sqsPort())
                    .withParameter("Stage", "dev")
                    .withParameter("PublicBaseUrl", "http://" + urlHost(server.address()) + ":" + port)
                    .withSecret("AppSecret", LocalSecrets.appSecretKey(options.dataDir())));
            RouteTable<LocalFunction> routes = new RouteTable<>();
            List<LocalFunction> functions = new ArrayList<>();
            for (FunctionDefinition definition : stack.template().functions()) {
                LocalFunction function = LocalFunction.construct(definition,
                        localEnvironment(stack, definition, options.environmentOverrides()));
                functions.add(function);
                for (HttpRoute route : definition.httpRoutes()) {
                    routes.add(route.method(), route.path(), function);
                }
            }
            DemoMerchant.Credentials demo = DemoMerchant.ensure(stack.dynamoDbClient(),
                    stack.resources().tableName("MerchantsTable"), stack.resources().tableName("ApiKeysTable"),
                    options.dataDir(), options.demoApiKey());
            HttpFront front = new HttpFront(server, routes);
            front.start();
            LocalRunner runner = new LocalRunner(stack, front, demo, functions, functionLogs);
            runner.eventSources = EventSourceSupervisor.start(stack, functions, options.scheduleRateOverride());
            return runner;
        } catch (RuntimeException e) {
            server.close();
            if (stack != null) {
                stack.close();
            }
            if (functionLogs != null) {
                functionLogs.close();
            }
            throw e;
        }
    }

    /** The template's variables for the function, plus what Lambda itself would provide, pointed here. */
    private static Map<String, String> localEnvironment(LocalStack stack, FunctionDefinition function,
            Map<String, String> overrides) {
        Map<String, String> environment = new LinkedHashMap<>(stack.environmentOf(function));
        overrides.forEach((name, value) -> environment.computeIfPresent(name, (unused, templateValue) -> value));
        environment.put("AWS_REGION", stack.options().region());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDb().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", stack.sqs().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", stack.secretsManager().endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", stack.s3().endpoint().toString());
        environment.put(Settings.LOCAL_MODE, "true");
        return environment;
    }

    public String baseUrl() {
        return "http://" + urlHost(front.address()) + ":" + front.port();
    }

    public int port() {
        return front.port();
    }

    /** Where the API listens: 127.0.0.1 unless HOST said otherwise. */
    public InetSocketAddress address() {
        return front.address();
    }

    /** localhost when listening on loopback or every interface, else the one address listened on. */
    private static String urlHost(InetSocketAddress listening) {
        InetAddress address = listening.getAddress();
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return "localhost";
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    public String demoApiKey() {
        return demo.apiKey();
    }

    public String demoWebhookSecret() {
        return demo.webhookSecret();
    }

    public String demoMerchantId() {
        return demo.merchantId();
    }

    public LocalStack stack() {
        return stack;
    }

    /**
     * Where the functions' log lines are kept besides stdout ({@code bin/circoflows logs} reads it); null
     * for a runner without a data folder.
     */
    public Path functionLogFile() {
        return functionLogs == null ? null : functionLogs.file();
    }

    public List<String> functionNames() {
        return functions.stream().map(f -> f.definition().logicalId()).toList();
    }

    @Override
    public void close() {
        front.close();
        eventSources.close();
        stack.close();
        if (functionLogs != null) {
            functionLogs.close();
        }
    }
}
