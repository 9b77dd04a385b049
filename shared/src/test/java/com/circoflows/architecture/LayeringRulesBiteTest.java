package com.circoflows.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.api.archfixture.EndpointThatQueriesDynamo;
import com.circoflows.domain.archfixture.DomainServiceThatLeaks;
import com.circoflows.json.archfixture.JsonThatRefusesRequests;
import com.circoflows.observability.archfixture.LogThatAnswersRequests;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each layering rule fails on a class that breaks it (the archfixture packages, test code only), so a
 * green LayeringTest means the rules hold, not that they match nothing.
 */
class LayeringRulesBiteTest {

    @Test
    void aDomainClassUsingHttpStatusesJacksonOrAwsFails() {
        String failure = failureOf(LayeringRules.DOMAIN_KNOWS_NO_DELIVERY_MECHANISM, DomainServiceThatLeaks.class);
        assertTrue(failure.contains("com.circoflows.api.ErrorStatuses"), failure);
        assertTrue(failure.contains("com.fasterxml.jackson.core.JsonFactory"), failure);
        assertTrue(failure.contains("software.amazon.awssdk.services.dynamodb.DynamoDbClient"), failure);
    }

    @Test
    void anEndpointHoldingADynamoRepositoryFails() {
        String failure = failureOf(LayeringRules.API_KNOWS_NO_ADAPTER, EndpointThatQueriesDynamo.class);
        assertTrue(failure.contains("DynamoMerchantRepository"), failure);
    }

    @Test
    void jsonSupportCallingTheApiEdgeFails() {
        String failure = failureOf(LayeringRules.JSON_SUPPORT_STANDS_ALONE, JsonThatRefusesRequests.class);
        assertTrue(failure.contains("com.circoflows.api.RequestBodies"), failure);
    }

    @Test
    void observabilityShapingAnHttpAnswerFails() {
        String failure = failureOf(LayeringRules.OBSERVABILITY_KNOWS_NO_API_OR_ADAPTER, LogThatAnswersRequests.class);
        assertTrue(failure.contains("com.circoflows.api.ApiResponse"), failure);
    }

    private static String failureOf(ArchRule rule, Class<?> violator) {
        JavaClasses imported = new ClassFileImporter().importClasses(violator);
        return assertThrows(AssertionError.class, () -> rule.check(imported)).getMessage();
    }
}
