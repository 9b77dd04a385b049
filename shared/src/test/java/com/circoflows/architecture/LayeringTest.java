package com.circoflows.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** shared/'s production classes keep the layering (LayeringRules). */
class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.circoflows");
    }

    @Test
    void domainImportsNoApiAdapterAwsLambdaOrJacksonType() {
        LayeringRules.DOMAIN_KNOWS_NO_DELIVERY_MECHANISM.check(production);
    }

    @Test
    void apiImportsNoAdapter() {
        LayeringRules.API_KNOWS_NO_ADAPTER.check(production);
    }

    @Test
    void jsonSupportImportsNoOtherLayer() {
        LayeringRules.JSON_SUPPORT_STANDS_ALONE.check(production);
    }

    @Test
    void observabilityImportsNoApiOrAdapter() {
        LayeringRules.OBSERVABILITY_KNOWS_NO_API_OR_ADAPTER.check(production);
    }

    @Test
    void productionCodeNamesNoCrtHttpClient() {
        LayeringRules.NO_BENCHMARK_HTTP_CLIENT_IN_PRODUCTION.check(production);
    }
}
