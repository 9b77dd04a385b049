package com.circoflows.adapters.wiring;

import com.circoflows.adapters.http.GuardedWebhookTransport;
import com.circoflows.adapters.lambda.DeadLetterBatch;
import com.circoflows.adapters.lambda.ScheduledSweepRun;
import com.circoflows.adapters.lambda.WebhookJobBatch;
import com.circoflows.api.webhooks.ExpirePreviousWebhookSecretEndpoint;
import com.circoflows.api.webhooks.GetWebhookEventEndpoint;
import com.circoflows.api.webhooks.ListWebhookEventsEndpoint;
import com.circoflows.api.webhooks.RedeliverWebhookEventEndpoint;
import com.circoflows.api.webhooks.RotateWebhookSecretEndpoint;
import com.circoflows.api.webhooks.SendTestWebhookEventEndpoint;
import com.circoflows.api.webhooks.SetWebhookEndpointEndpoint;
import com.circoflows.domain.reconciliation.AuthorizationReconciler;
import com.circoflows.domain.sweep.ScheduledSweep;
import com.circoflows.domain.webhook.DeadLetteredEvents;
import com.circoflows.domain.webhook.RetrySchedule;
import com.circoflows.domain.webhook.WebhookDeliveryService;
import com.circoflows.domain.webhook.WebhookEndpointService;
import com.circoflows.domain.webhook.WebhookEventQueries;
import com.circoflows.domain.webhook.WebhookRedelivery;
import com.circoflows.domain.webhook.WebhookSweeper;
import com.circoflows.domain.webhook.WebhookTestSender;
import com.circoflows.domain.webhook.signing.WebhookSigner;
import com.circoflows.observability.ProcessMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/** The merchant's webhook endpoint and events, and the queue consumers and sweep that deliver them. */
public final class WebhookWiring {
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** One thread per message of a full SQS batch. */
    private static final int DELIVERY_THREADS = 10;

    private final Infrastructure infrastructure;
    private final PaymentWiring payments;

    WebhookWiring(Infrastructure infrastructure, PaymentWiring payments) {
        this.infrastructure = infrastructure;
        this.payments = payments;
    }

    public SetWebhookEndpointEndpoint setWebhookEndpointEndpoint() {
        return new SetWebhookEndpointEndpoint(webhookEndpointService());
    }

    public RotateWebhookSecretEndpoint rotateWebhookSecretEndpoint() {
        return new RotateWebhookSecretEndpoint(webhookEndpointService());
    }

    public ExpirePreviousWebhookSecretEndpoint expirePreviousWebhookSecretEndpoint() {
        return new ExpirePreviousWebhookSecretEndpoint(webhookEndpointService());
    }

    public SendTestWebhookEventEndpoint sendTestWebhookEventEndpoint() {
        return new SendTestWebhookEventEndpoint(webhookTestSender());
    }

    WebhookTestSender webhookTestSender() {
        return new WebhookTestSender(infrastructure.webhookEndpoints(), infrastructure.webhookEvents(),
                infrastructure.webhookQueue(), infrastructure.clock());
    }

    WebhookRedelivery webhookRedelivery() {
        return new WebhookRedelivery(infrastructure.webhookEvents(), infrastructure.webhookQueue());
    }

    public ListWebhookEventsEndpoint listWebhookEventsEndpoint() {
        return new ListWebhookEventsEndpoint(new WebhookEventQueries(infrastructure.webhookEvents()));
    }

    public GetWebhookEventEndpoint getWebhookEventEndpoint() {
        return new GetWebhookEventEndpoint(new WebhookEventQueries(infrastructure.webhookEvents()));
    }

    public RedeliverWebhookEventEndpoint redeliverWebhookEventEndpoint() {
        return new RedeliverWebhookEventEndpoint(webhookRedelivery());
    }

    public WebhookJobBatch webhookJobBatch() {
        WebhookDeliveryService delivery = new WebhookDeliveryService(infrastructure.webhookEvents(),
                infrastructure.webhookEndpoints(),
                new GuardedWebhookTransport(infrastructure.localMode(), WEBHOOK_TIMEOUT), new WebhookSigner(),
                RetrySchedule.parse(infrastructure.required("WEBHOOK_RETRY_SCHEDULE")), infrastructure.clock(),
                RandomGenerator.getDefault(), ProcessMetrics.get());
        return new WebhookJobBatch(delivery, infrastructure.sqs(), infrastructure.required("WEBHOOK_QUEUE_URL"),
                Executors.newFixedThreadPool(DELIVERY_THREADS, WebhookWiring::deliveryThread));
    }

    public DeadLetterBatch deadLetterBatch() {
        return new DeadLetterBatch(new DeadLetteredEvents(infrastructure.webhookEvents(), infrastructure.clock()));
    }

    /** The sweeper function's minutely run: requeue lost webhook jobs, reconcile the gateway's authorisations. */
    public ScheduledSweepRun scheduledSweepRun() {
        return scheduledSweepRun(webhookSweeper(), payments.authorizationReconciler());
    }

    /** The run over halves a test built with its own clock and faults. */
    public static ScheduledSweepRun scheduledSweepRun(WebhookSweeper sweeper, AuthorizationReconciler reconciler) {
        return new ScheduledSweepRun(new ScheduledSweep(sweeper, reconciler));
    }

    public WebhookSweeper webhookSweeper() {
        return new WebhookSweeper(infrastructure.webhookEvents(), infrastructure.webhookQueue(), infrastructure.clock(),
                infrastructure.seconds("WEBHOOK_SWEEP_GRACE_SECONDS", WebhookSweeper.GRACE));
    }

    WebhookEndpointService webhookEndpointService() {
        return new WebhookEndpointService(infrastructure.webhookEndpoints(), infrastructure.merchantUrlPolicy(),
                infrastructure.clock());
    }

    /** Daemon: a batch waits for its deliveries itself, and an idle pool must not keep a JVM (a tool, a test) alive. */
    private static Thread deliveryThread(Runnable work) {
        Thread thread = new Thread(work, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    }
}
