package com.circoflows.localrunner.webhooks;

import com.circoflows.localrunner.LocalRunnerOptions;
import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.testsupport.WebhookReceiver.Answering;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every webhook end-to-end class shares: one local runner with a fast retry schedule per class,
 * checked for stored card numbers when the class is done, and loopback receivers closed after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnWebhookStack {
    protected WebhookStack stack;
    private final List<ReceiverServer> receivers = new ArrayList<>();

    /** The shared E2e is asked for only so that its output capture is installed before our runner prints. */
    @BeforeAll
    void startStack(E2e sharedSuiteCapturesOutput) {
        stack = WebhookStack.start(options());
    }

    /** The class's runner: the fast schedule, sweeper grace and schedule rate unless a class needs others. */
    protected LocalRunnerOptions options() {
        return WebhookStack.fastOptions();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            try {
                stack.assertNoCardNumberStored();
            } finally {
                stack.close();
            }
        }
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(ReceiverServer::close);
        receivers.clear();
    }

    protected ReceiverServer receiver() {
        ReceiverServer receiver = ReceiverServer.start();
        receivers.add(receiver);
        return receiver;
    }

    protected ReceiverServer receiver(Answering script) {
        return receiver().answer(script);
    }
}
