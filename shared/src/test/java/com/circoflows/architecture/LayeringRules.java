package com.circoflows.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of shared/, as rules: the domain knows no delivery mechanism (HTTP API, AWS, Lambda,
 * Jackson), the API edge knows no adapter, and JSON support knows nothing of either. Checked against
 * the production classes by LayeringTest and shown to fail on deliberate violations by LayeringRulesBiteTest.
 */
final class LayeringRules {
    static final String DOMAIN = "com.circoflows.domain..";

    static final ArchRule DOMAIN_KNOWS_NO_DELIVERY_MECHANISM = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.circoflows.api..", "com.circoflows.adapters..", "com.circoflows.config..",
                    "software.amazon..", "com.amazonaws..", "com.fasterxml..")
            .because("the domain is plain Java: the API edge maps it to HTTP, adapters to AWS and JSON");

    static final ArchRule API_KNOWS_NO_ADAPTER = noClasses().that().resideInAPackage("com.circoflows.api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.circoflows.adapters..",
                    "software.amazon..", "com.amazonaws..")
            .because("endpoints see ports and domain services; the wiring hands them the adapters");

    static final ArchRule JSON_SUPPORT_STANDS_ALONE = noClasses().that().resideInAPackage("com.circoflows.json..")
            .should().dependOnClassesThat().resideInAnyPackage("com.circoflows.api..", "com.circoflows.domain..",
                    "com.circoflows.adapters..", "com.circoflows.observability..")
            .because("the domain, observability and the API edge all write JSON through it");

    static final ArchRule OBSERVABILITY_KNOWS_NO_API_OR_ADAPTER = noClasses()
            .that().resideInAPackage("com.circoflows.observability..")
            .should().dependOnClassesThat().resideInAnyPackage("com.circoflows.api..", "com.circoflows.adapters..")
            .because("the domain logs and counts through it");

    static final ArchRule NO_BENCHMARK_HTTP_CLIENT_IN_PRODUCTION = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.http.crt..")
            .because("url-connection is the functions' HTTP client; the CRT variant is the benchmark's alone");

    private LayeringRules() {
    }
}
