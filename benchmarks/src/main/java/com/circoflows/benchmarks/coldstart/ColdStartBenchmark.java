package com.circoflows.benchmarks.coldstart;

import com.circoflows.localstack.LocalLambdaContext;
import com.circoflows.localstack.FunctionDefinition;
import com.circoflows.localstack.SamTemplate;
import com.circoflows.observability.JsonLog;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.SampleEvents;
import com.circoflows.testsupport.WebhookReceiver;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/benchmark cold-start [jvms=10] [function logical ids...]}: for each function of
 * template.yaml, and for the minimal GetItem handler as the yardstick, starts that many fresh JVMs
 * with Lambda's java17 flags on the function's deployable jar, against an already running local
 * stack, and reports the medians of: JVM start until main, init (handler class loaded and
 * constructed) and the first invocation, and the whole from process spawn to the first response;
 * then the goal's ratio, the first POST /api/direct-payment response against the yardstick's.
 *
 * <p>{@code COLD_START_HTTP_CLIENT=crt} runs the HTTP client variant: the functions and the yardstick
 * build their SDK clients on AWS CRT (aws-crt-client added to each probe's classpath, as if shaded).
 */
public final class ColdStartBenchmark {
    /** Lambda's java17 runtime stops tiered compilation at C1; a 1024 MB function has under one vCPU, where the JVM picks the serial collector. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");
    static final String YARDSTICK = "MinimalGetItem (yardstick)";
    static final String DIRECT_PAYMENT = "CreateDirectPaymentFunction";
    /** Read by AwsClients and by the yardstick; unset means url-connection. */
    /** The yardstick's own switch (MinimalGetItemHandler); production code knows no such variable. */
    private static final String HTTP_CLIENT_VARIABLE = "AWS_HTTP_CLIENT";
    /**
     * How the functions are put on AWS CRT: the SDK's own system property naming the HTTP implementation,
     * which AwsClients honours, so no production code names the CRT.
     */
    private static final String CRT_FOR_FUNCTIONS =
            "-Dsoftware.amazon.awssdk.http.service.impl=software.amazon.awssdk.http.crt.AwsCrtSdkHttpService";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Set<String> only = args.length > 1 ? Set.copyOf(Arrays.asList(args).subList(1, args.length)) : Set.of();
        Path workDirectory = Files.createDirectories(Path.of("benchmarks", "target", "cold-start"));
        // The preparing payments and sessions log as the functions do; that goes to a file, not the report.
        PrintStream stackLog = new PrintStream(Files.newOutputStream(workDirectory.resolve("stack.log")), true,
                StandardCharsets.UTF_8);
        JsonLog.redirectTo(stackLog);
        // Merchants need an endpoint that takes their webhooks; what arrives is not part of the measurement.
        WebhookReceiver receiver = WebhookReceiver.start(false).answer(Answering.always(200));
        Map<String, List<ProbeResult>> results = new LinkedHashMap<>();
        try (HandlerStack handlerStack = HandlerStack.start()) {
            SamTemplate template = handlerStack.localStack().template();
            Path projectRoot = SamTemplate.locate().toAbsolutePath().getParent();
            ColdStartScenarios scenarios = new ColdStartScenarios(handlerStack,
                    receiver.url("/hooks"));
            String httpClient = System.getenv().getOrDefault("COLD_START_HTTP_CLIENT", "url-connection");
            boolean crt = httpClient.equals("crt");
            ProbeLauncher launcher = new ProbeLauncher(workDirectory, probeClasses(crt),
                    crt ? List.of(CRT_FOR_FUNCTIONS) : List.of());

            System.out.printf("Cold start: %d fresh JVMs per function, flags %s, HTTP client %s%n", jvms,
                    LAMBDA_JVM_FLAGS, httpClient);
            results.put(YARDSTICK, measureYardstick(handlerStack, template, projectRoot, launcher, jvms, httpClient));
            for (FunctionDefinition function : template.functions()) {
                if (!only.isEmpty() && !only.contains(function.logicalId())) {
                    continue;
                }
                Path jar = projectRoot.resolve(function.codeUri());
                List<ProbeResult> runs = new ArrayList<>();
                for (int run = 0; run < jvms; run++) {
                    Object event = scenarios.prepare(function.logicalId());
                    Map<String, String> variables = new LinkedHashMap<>(handlerStack.functions().environment(function.logicalId()));
                    runs.add(launcher.launch(function.logicalId() + "-" + run, jar, function.handlerClassName(),
                            function.logicalId(), variables, event));
                }
                results.put(function.logicalId(), runs);
                System.out.println("  " + ColdStartReport.line(function.logicalId(), runs));
            }
        } finally {
            receiver.close();
            JsonLog.redirectTo(System.out);
            stackLog.close();
        }
        System.out.print(ColdStartReport.table(results, YARDSTICK));
        if (results.containsKey(DIRECT_PAYMENT)) {
            System.out.println(ColdStartReport.goal(results.get(DIRECT_PAYMENT), results.get(YARDSTICK)));
        }
    }

    private static List<ProbeResult> measureYardstick(HandlerStack handlerStack, SamTemplate template,
            Path projectRoot, ProbeLauncher launcher, int jvms, String httpClient)
            throws IOException, InterruptedException {
        FunctionDefinition health = template.function("HealthFunction");
        Map<String, String> variables = new LinkedHashMap<>(handlerStack.functions().environment(health.logicalId()));
        variables.put(MinimalGetItemHandler.TABLE, handlerStack.table("MerchantsTable"));
        variables.put(MinimalGetItemHandler.KEY_NAME, template.table("MerchantsTable").hashKey());
        variables.put(MinimalGetItemHandler.KEY_VALUE, handlerStack.merchants().sampleMerchantId());
        variables.put(HTTP_CLIENT_VARIABLE, httpClient);
        List<ProbeResult> runs = new ArrayList<>();
        for (int run = 0; run < jvms; run++) {
            runs.add(launcher.launch("yardstick-" + run, projectRoot.resolve(health.codeUri()),
                    MinimalGetItemHandler.class.getName(), "MinimalGetItemFunction", variables,
                    SampleEvents.event("health/ok.json")));
        }
        System.out.println("  " + ColdStartReport.line(YARDSTICK, runs));
        return runs;
    }

    /**
     * What the probe adds after a function's jar: this module's classes (the probe, the yardstick
     * handler) and the local runner's, for the Lambda context it passes; for the CRT variant, the
     * aws-crt-client jar, its crt-core and the CRT itself.
     */
    private static String probeClasses(boolean crt) throws Exception {
        String classes = codeLocation(ColdStartProbe.class) + File.pathSeparator + codeLocation(LocalLambdaContext.class);
        if (crt) {
            classes += File.pathSeparator + codeLocation(Class.forName("software.amazon.awssdk.http.crt.AwsCrtHttpClient"))
                    + File.pathSeparator + codeLocation(Class.forName("software.amazon.awssdk.crtcore.CrtConfigurationUtils"))
                    + File.pathSeparator + codeLocation(Class.forName("software.amazon.awssdk.crt.CRT"));
        }
        return classes;
    }

    private static String codeLocation(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
