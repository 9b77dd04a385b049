package com.circoflows.functions.webhooks.sweeper;

import static com.circoflows.testsupport.SampleEvents.scheduledEvent;
import static com.circoflows.testsupport.FaultInjector.Fault.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.circoflows.adapters.dynamodb.DynamoGatewayLedger;
import com.circoflows.adapters.wiring.FunctionWiring;
import com.circoflows.adapters.wiring.WebhookWiring;
import com.circoflows.config.Settings;
import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.gateway.AuthorizationRecord;
import com.circoflows.domain.gateway.AuthorizationState;
import com.circoflows.domain.gateway.GatewayResult;
import com.circoflows.domain.ids.RandomIds;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.PaymentEngine;
import com.circoflows.domain.webhook.WebhookEvent.DeliveryStatus;
import com.circoflows.testsupport.FaultyStack;
import com.circoflows.testsupport.HandlerStack;
import com.circoflows.testsupport.HandlerStackExtension;
import com.circoflows.testsupport.LambdaInvocations;
import com.circoflows.testsupport.SampleEvents;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * WebhookSweeperHandler as Lambda runs it, fed events/webhook-sweeper/scheduled.json. The "lost" jobs
 * are the ones a payment queued, taken off the WebhookQueue before any delivery saw them (as if the
 * SQS send had failed after the payment was stored); the orphaned authorisations are the gateway's
 * records of charges no transaction records (as if the request had died before its write).
 *
 * <p>The sweeper reads every merchant's events, so each test starts from an empty events table and
 * queue; no other test class may use the JVM's stack meanwhile (Isolated, should classes ever run in
 * parallel).
 */
@ExtendWith(HandlerStackExtension.class)
@Isolated
class WebhookSweeperHandlerIT {
    private static final String FUNCTION = "WebhookSweeperFunction";
    private static final String SAMPLE = "webhook-sweeper/scheduled.json";

    private static HandlerStack stack;
    /** The template's environment with WEBHOOK_SWEEP_GRACE_SECONDS=0: every untouched event is overdue. */
    private static WebhookSweeperHandler impatient;

    @BeforeAll
    static void constructHandler(HandlerStack shared) {
        stack = shared;
        Map<String, String> noGrace = new HashMap<>(stack.functions().environment(FUNCTION));
        assertEquals("120", noGrace.put("WEBHOOK_SWEEP_GRACE_SECONDS", "0"), "the template's grace");
        impatient = stack.functions().construct(FUNCTION, WebhookSweeperHandler.class, noGrace, WebhookSweeperHandler::new);
        // The sample merchant's events need somewhere to go, or they are recorded as failed and never queued.
        stack.webhooks().setWebhookEndpoint(stack.merchants().sampleMerchantId(), SampleEvents.LOCAL_WEBHOOK_URL);
    }

    @BeforeEach
    void noEventsAndNoJobs() {
        stack.webhooks().forgetAllWebhookEvents();
        stack.queues().purge("WebhookQueue");
    }

    @Test
    void scheduledEventIsEventBridgesEventForTheSweepRule() {
        ScheduledEvent event = scheduledEvent(SAMPLE);

        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals("aws.events", event.getSource());
        assertTrue(event.getResources().get(0).contains(":rule/circoflows-dev-WebhookSweeperFunctionSweep-"),
                event.getResources().toString());
    }

    @Test
    void eventsWhoseJobsWereLostAreQueuedAgainAndCounted() {
        String first = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        String second = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/declined.json"));
        assertEquals(2, stack.webhooks().drainWebhookJobs().size(), "the payments' own jobs, now lost");

        Integer requeued = impatient.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION))
                .get("requeued_events");

        assertEquals(2, requeued);
        List<String> jobs = stack.webhooks().drainWebhookJobs();
        assertEquals(Set.of(first, second), eventIdsOf(jobs));
        for (String job : jobs) {
            assertEquals(stack.merchants().sampleMerchantId(), parse(job).get("merchant_id"), "a job like the payment's own");
        }
        assertEquals(DeliveryStatus.PENDING, stack.webhooks().storedWebhookEvent(first).delivery().status(),
                "queued again, not touched");
    }

    @Test
    void anEventADeliveryHasTouchedIsNotQueuedAgain() {
        String attempted = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        // Nothing listens at the Events Merchant's endpoint: the attempt fails, but it happened.
        stack.webhooks().deliverJob(attempted);
        String lost = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        stack.webhooks().drainWebhookJobs();

        Integer requeued = impatient.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION))
                .get("requeued_events");

        assertEquals(1, requeued);
        assertEquals(Set.of(lost), eventIdsOf(stack.webhooks().drainWebhookJobs()));
        assertEquals(DeliveryStatus.RETRYING, stack.webhooks().storedWebhookEvent(attempted).delivery().status());
        assertEquals(1, stack.webhooks().storedWebhookEvent(attempted).delivery().attempts().size());
    }

    @Test
    void withTheTemplatesGraceAJustCreatedEventIsLeftToItsOwnJob() {
        WebhookSweeperHandler deployed = stack.functions().construct(FUNCTION, WebhookSweeperHandler.class,
                WebhookSweeperHandler::new);
        String eventId = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));

        Integer requeued = deployed.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION))
                .get("requeued_events");

        assertEquals(0, requeued, "younger than 120 s: its job is presumably still on its way");
        assertEquals(Set.of(eventId), eventIdsOf(stack.webhooks().drainWebhookJobs()), "only the payment's own job");
    }

    @Test
    void nothingToSweepReturnsZero() {
        Integer requeued = impatient.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION))
                .get("requeued_events");

        assertEquals(0, requeued);
        assertTrue(stack.webhooks().drainWebhookJobs().isEmpty());
    }

    @Test
    void anAuthorisationWithoutATransactionIsVoidedAndOneWithItsTransactionReconciledOnceTheirGraceHasPassed() {
        WebhookSweeperHandler reconcilesAtOnce = stack.functions().construct(FUNCTION, WebhookSweeperHandler.class,
                withVariable("GATEWAY_RECONCILIATION_GRACE_SECONDS", "0"), WebhookSweeperHandler::new);
        String recorded = stack.payments().pay("direct-payment-create/success.json").transactionId();
        AuthorizationRecord orphan = orphanedAuthorization(Instant.now().minusSeconds(1));

        Map<String, Integer> done = reconcilesAtOnce.handleRequest(scheduledEvent(SAMPLE),
                LambdaInvocations.context(FUNCTION));

        assertTrue(done.get("voided_authorizations") >= 1, done.toString());
        assertTrue(done.get("reconciled_authorizations") >= 1, done.toString());
        assertEquals(AuthorizationState.VOIDED, ledger().find(orphan.transactionId()).orElseThrow().state());
        assertEquals(AuthorizationState.CHARGED, ledger().find(recorded).orElseThrow().state());
        assertFalse(ledger().findUnreconciled(Instant.now().plusSeconds(60), 1000).stream()
                .anyMatch(open -> open.transactionId().equals(recorded)), "reconciled once, not every minute");
    }

    @Test
    void withTheTemplatesGraceAYoungAuthorisationWithoutATransactionIsLeftAlone() {
        WebhookSweeperHandler deployed = stack.functions().construct(FUNCTION, WebhookSweeperHandler.class,
                WebhookSweeperHandler::new);
        AuthorizationRecord young = orphanedAuthorization(Instant.now().minusSeconds(60));

        deployed.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION));

        assertEquals(AuthorizationState.CHARGED, ledger().find(young.transactionId()).orElseThrow().state(),
                "within 300 s its request may still be retried under the same id");
    }

    @Test
    void whenReconciliationFailsTheWebhooksAreStillSweptAndTheInvocationFails() {
        FaultyStack faulty = new FaultyStack(stack);
        FunctionWiring wiring = faulty.wiring(FUNCTION);
        WebhookSweeperHandler handler = new WebhookSweeperHandler(WebhookWiring.scheduledSweepRun(wiring.webhooks().webhookSweeper(),
                wiring.payments().authorizationReconciler()));
        String lost = stack.webhooks().eventIdOf(stack.payments().pay("direct-payment-create/success.json"));
        stack.webhooks().drainWebhookJobs();
        faulty.faults().inject(THROTTLED, "Query", faulty.table("GatewayAuthorizationsTable"));
        faulty.clock().advance(Duration.ofMinutes(3));

        assertThrows(RetryableFailure.class,
                () -> handler.handleRequest(scheduledEvent(SAMPLE), LambdaInvocations.context(FUNCTION)));

        faulty.assertFaultsFired();
        assertEquals(Set.of(lost), eventIdsOf(stack.webhooks().drainWebhookJobs()), "the sweep ran all the same");
    }

    @Test
    void missingTemplateVariableFailsTheColdStart() {
        Map<String, String> incomplete = new HashMap<>(stack.functions().environment(FUNCTION));
        incomplete.remove("WEBHOOK_QUEUE_URL");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Settings.withEnvironment(incomplete, WebhookSweeperHandler::new));

        assertTrue(failure.getMessage().contains("WEBHOOK_QUEUE_URL"), failure.getMessage());
    }

    /** What a request that died between the gateway and its DynamoDB write leaves: the gateway's record only. */
    private static AuthorizationRecord orphanedAuthorization(Instant at) {
        AuthorizationRecord orphan = new AuthorizationRecord(PaymentEngine.newTransactionId(), stack.merchants().sampleMerchantId(),
                Mode.TEST, Money.of(2500, "EUR"), new GatewayResult.Approved("gw_" + RandomIds.base62(24)),
                AuthorizationState.CHARGED, at, at);
        ledger().recordOrReplay(orphan);
        return orphan;
    }

    private static DynamoGatewayLedger ledger() {
        return new DynamoGatewayLedger(stack.localStack().dynamoDbClient(),
                stack.table("GatewayAuthorizationsTable"));
    }

    private static Map<String, String> withVariable(String name, String value) {
        Map<String, String> variables = new HashMap<>(stack.functions().environment(FUNCTION));
        variables.put(name, value);
        return variables;
    }

    private static Set<String> eventIdsOf(List<String> jobs) {
        return jobs.stream().map(job -> (String) parse(job).get("event_id")).collect(Collectors.toSet());
    }

    private static Map<String, Object> parse(String job) {
        try {
            return SampleEvents.mapper().readValue(job, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
