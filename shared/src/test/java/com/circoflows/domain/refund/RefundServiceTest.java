package com.circoflows.domain.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.GatewayRefund;
import com.circoflows.domain.gateway.RefundResult;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.money.Money;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.InMemoryGatewayLedger;
import com.circoflows.testing.ForwardingCardGateway;
import com.circoflows.testing.InMemoryRefundRepository;
import com.circoflows.testing.PaymentWorld;
import com.circoflows.testing.TestClocks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The refund flow over in-memory stores: reservation, races, the processor's three answers, crashes. */
class RefundServiceTest {
    private final ScriptedRefunds gateway = new ScriptedRefunds();
    private final PaymentWorld world = PaymentWorld.withGateway(gateway);
    private final InMemoryRefundRepository refunds = new InMemoryRefundRepository(world.transactions);
    private final RefundService service =
            new RefundService(world.transactions, refunds, gateway, world.writer, world.clock);
    private final Transaction paid = world.pay(TestCards.SUCCESS).transaction();

    @Test
    void partialThenDefaultRefundGiveBackEverythingOnceAndThenNothingIsLeft() {
        RefundOutcome first = refund("re_1", 4000L);
        RefundOutcome rest = refund("re_2", null);

        assertEquals(RefundStatus.SUCCEEDED, first.refund().status());
        assertEquals(11000, rest.refund().amount().minorUnits(), "the default is all that is left");
        Transaction after = world.transactions.stored(paid.transactionId());
        assertEquals(TransactionStatus.REFUNDED, after.status());
        assertEquals(2, after.amounts().refundsCount());
        assertEquals(List.of(WebhookEventType.REFUND_SUCCEEDED, WebhookEventType.REFUND_SUCCEEDED),
                refunds.events().stream().map(WebhookEvent::type).toList());
        ApiException more = assertThrows(ApiException.class, () -> refund("re_3", 1L));
        assertEquals(ErrorCode.INVALID_AMOUNT, more.code());
    }

    @Test
    void aRefundThatLosesTheRaceDecidesAgainOnWhatIsLeftAndIsRefusedWhenItNoLongerFits() {
        refunds.beforeNextReserve(() -> refund("re_racer", 12000L));

        ApiException refused = assertThrows(ApiException.class, () -> refund("re_late", 5000L));

        assertEquals(ErrorCode.INVALID_AMOUNT, refused.code());
        assertEquals("Refund amount 5000 is more than the 3000 left to refund.", refused.getMessage());
        assertEquals(12000, world.transactions.stored(paid.transactionId()).amounts().refunded().minorUnits());
    }

    @Test
    void aFailedRefundReleasesItsAmountAndAnnouncesRefundFailed() {
        gateway.answer(ask -> new RefundResult.Failed("gwre_1", "lost_or_stolen_card"));

        RefundOutcome outcome = refund("re_1", 4000L);

        assertEquals(RefundStatus.FAILED, outcome.refund().status());
        assertEquals("lost_or_stolen_card", outcome.refund().failureReason());
        Transaction after = world.transactions.stored(paid.transactionId());
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertEquals(Money.zero(after.amount().currency()), after.amounts().refunded());
        assertEquals(WebhookEventType.REFUND_FAILED, refunds.events().get(0).type());
    }

    @Test
    void theRetryOfARequestThatCrashedAfterReservingFinishesTheSameRefundOnce() {
        gateway.answer(ask -> {
            throw new IllegalStateException("the function died here");
        });
        assertThrows(IllegalStateException.class, () -> refund("re_crash", 4000L));
        assertEquals(RefundStatus.PENDING, refunds.find("re_crash").orElseThrow().status());

        gateway.answer(ask -> new RefundResult.Succeeded("gwre_crash"));
        RefundOutcome retried = refund("re_crash", 4000L);

        assertEquals(RefundStatus.SUCCEEDED, retried.refund().status());
        Transaction after = world.transactions.stored(paid.transactionId());
        assertEquals(4000, after.amounts().refunded().minorUnits(), "reserved once, not twice");
        assertEquals(1, after.amounts().refundsCount());
        assertEquals(List.of("re_crash", "re_crash"), gateway.asked(), "the processor is asked under the same id");
    }

    @Test
    void theSettlerSendsARefundACrashLeftUnsentAndSettlesAPendingOne() {
        gateway.answer(ask -> new RefundResult.Pending("gwre_" + ask.refundId()));
        RefundOutcome pending = refund("re_pending", 4000L);
        assertEquals(RefundStatus.PENDING, pending.refund().status());
        assertTrue(pending.refund().sent());

        gateway.answer(ask -> new RefundResult.Succeeded("gwre_" + ask.refundId()));
        RefundSettler settler = new RefundSettler(refunds, service,
                java.time.Clock.fixed(world.clock.instant().plus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC), Duration.ofSeconds(60));

        assertEquals(1, settler.settle(10));
        assertEquals(RefundStatus.SUCCEEDED, refunds.find("re_pending").orElseThrow().status());
        assertEquals(WebhookEventType.REFUND_SUCCEEDED, refunds.events().get(0).type());
    }

    @Test
    void anotherMerchantsPaymentIsNotFoundAndNothingIsReserved() {
        ApiException e = assertThrows(ApiException.class, () -> service.refund(PaymentWorld.MERCHANT_B,
                paid.transactionId(), "re_x", new RefundRequest(100L, null, Map.of())));

        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, e.code());
        assertEquals(0, world.transactions.stored(paid.transactionId()).amounts().refundsCount());
    }

    private RefundOutcome refund(String refundId, Long amount) {
        return service.refund(PaymentWorld.MERCHANT_A, paid.transactionId(), refundId,
                new RefundRequest(amount, RefundReason.REQUESTED_BY_CUSTOMER, Map.of()));
    }

    /** The test-mode gateway for payments; refunds answered as the test says, every ask recorded. */
    private static final class ScriptedRefunds extends ForwardingCardGateway {
        private final Deque<String> asked = new ArrayDeque<>();
        private Function<GatewayRefund, RefundResult> answer = ask -> new RefundResult.Succeeded("gwre_" + ask.refundId());

        void answer(Function<GatewayRefund, RefundResult> next) {
            this.answer = next;
        }

        ScriptedRefunds() {
            super(new com.circoflows.domain.gateway.TestModeCardGateway(new InMemoryGatewayLedger(), TestClocks.fixed()));
        }

        List<String> asked() {
            return List.copyOf(asked);
        }

        @Override
        public RefundResult refund(GatewayRefund refund) {
            asked.add(refund.refundId());
            return answer.apply(refund);
        }

        @Override
        public RefundResult refundStatus(GatewayRefund refund) {
            asked.add(refund.refundId());
            return answer.apply(refund);
        }
    }
}
