package com.circoflows.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.card.CardBrand;
import com.circoflows.domain.card.StoredCard;
import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.merchant.Mode;
import com.circoflows.domain.money.Money;
import com.circoflows.testing.TestClocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state of a payment against every operation, and random sequences against the money invariants. */
class TransactionLifecycleTest {
    private static final Instant LATER = TestClocks.NOW.plusSeconds(60);
    private static final Money TEN = Money.of(1000, "USD");
    private static final Money FOUR = Money.of(400, "USD");
    private static final PaymentFailure DECLINED =
            new PaymentFailure(ErrorCode.CARD_DECLINED, "Your card was declined.", "generic_decline");

    enum State {
        AWAITING_CHALLENGE, CHALLENGE_PASSED, AUTHORIZED, COMPLETED, PARTIALLY_REFUNDED, REFUNDED, FAILED, CANCELED
    }

    enum Operation {
        APPROVE(t -> t.approve(LATER)),
        FAIL(t -> t.fail(DECLINED, t.threeDSecure(), LATER)),
        PASS_CHALLENGE(Transaction::challengePassed),
        CAPTURE_ALL(t -> t.capture(null)),
        CAPTURE_PART(t -> t.capture(FOUR)),
        CANCEL(Transaction::cancel),
        REFUND_ALL(t -> t.refund(null)),
        REFUND_PART(t -> t.refund(FOUR)),
        REFUND_FAILED(t -> t.refundFailed(FOUR));

        final UnaryOperator<Transaction> apply;

        Operation(UnaryOperator<Transaction> apply) {
            this.apply = apply;
        }
    }

    /** Where each legal operation leads; a pair missing here must be refused and change nothing. */
    private static final Map<State, Map<Operation, TransactionStatus>> LEGAL = Map.of(
            State.AWAITING_CHALLENGE, Map.of(Operation.APPROVE, TransactionStatus.AUTHORIZED,
                    Operation.FAIL, TransactionStatus.FAILED, Operation.PASS_CHALLENGE, TransactionStatus.PENDING),
            State.CHALLENGE_PASSED, Map.of(Operation.APPROVE, TransactionStatus.AUTHORIZED,
                    Operation.FAIL, TransactionStatus.FAILED),
            State.AUTHORIZED, Map.of(Operation.CAPTURE_ALL, TransactionStatus.COMPLETED,
                    Operation.CAPTURE_PART, TransactionStatus.COMPLETED, Operation.CANCEL, TransactionStatus.CANCELED),
            State.COMPLETED, Map.of(Operation.REFUND_ALL, TransactionStatus.REFUNDED,
                    Operation.REFUND_PART, TransactionStatus.PARTIALLY_REFUNDED),
            State.PARTIALLY_REFUNDED, Map.of(Operation.REFUND_ALL, TransactionStatus.REFUNDED,
                    Operation.REFUND_PART, TransactionStatus.REFUNDED, Operation.REFUND_FAILED,
                    TransactionStatus.PARTIALLY_REFUNDED),
            State.REFUNDED, Map.of(Operation.REFUND_FAILED, TransactionStatus.PARTIALLY_REFUNDED),
            State.FAILED, Map.of(),
            State.CANCELED, Map.of());

    /** A manually captured payment of USD 10.00 brought to the state by legal moves. */
    static Transaction in(State state) {
        Transaction pending = new Transaction("txn_AAAAAAAAAAAAAAAAAAAAAAAA", "mch_A", Mode.TEST,
                TransactionStatus.PENDING, PaymentAmounts.authorizedOnly(TEN), CaptureMethod.MANUAL,
                "gw_AAAAAAAAAAAAAAAAAAAAAAAA", new StoredCard(CardBrand.VISA, "3220", 12, 2030, "fp"),
                ThreeDSecureStatus.REQUIRED, null, PaymentDetails.none(), null, TestClocks.NOW, null, 1);
        return switch (state) {
            case AWAITING_CHALLENGE -> pending;
            case CHALLENGE_PASSED -> pending.challengePassed();
            case AUTHORIZED -> pending.challengePassed().approve(LATER);
            case COMPLETED -> in(State.AUTHORIZED).capture(null);
            // 6.00 refunded: a further 4.00 refunds the rest; a failed 4.00 refund leaves 2.00 refunded.
            case PARTIALLY_REFUNDED -> in(State.COMPLETED).refund(Money.of(600, "USD"));
            case REFUNDED -> in(State.COMPLETED).refund(null);
            case FAILED -> pending.fail(DECLINED, ThreeDSecureStatus.FAILED, LATER);
            case CANCELED -> in(State.AUTHORIZED).cancel();
        };
    }

    static Stream<Arguments> everyStateAndOperation() {
        return Stream.of(State.values()).flatMap(s -> Stream.of(Operation.values()).map(o -> Arguments.of(s, o)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndOperation")
    void eachOperationIsAllowedOnlyWhereTheLifeCycleSaysAndLeadsWhereItSays(State state, Operation operation) {
        Transaction before = in(state);
        TransactionStatus expected = LEGAL.get(state).get(operation);
        if (expected != null) {
            Transaction after = operation.apply.apply(before);
            assertEquals(expected, after.status());
            assertEquals(before.version() + 1, after.version());
            assertInvariants(after);
            return;
        }
        RuntimeException refused = assertThrows(RuntimeException.class, () -> operation.apply.apply(before));
        if (refused instanceof ApiException api) {
            boolean nothingLeft = state == State.REFUNDED && operation.name().startsWith("REFUND_");
            assertEquals(nothingLeft ? ErrorCode.INVALID_AMOUNT : ErrorCode.INVALID_TRANSACTION_STATE, api.code(),
                    state + " + " + operation + ": " + api.getMessage());
        } else {
            // Only a refund failure the payment never reserved is a programming error rather than a 4xx.
            assertEquals(Operation.REFUND_FAILED, operation, state + ": " + refused);
        }
    }

    @Test
    void capturingMoreThanWasAuthorisedIsInvalidAmountAndCapturingTwiceIsRefused() {
        Transaction authorized = in(State.AUTHORIZED);
        ApiException over = assertThrows(ApiException.class, () -> authorized.capture(Money.of(1001, "USD")));
        assertEquals(ErrorCode.INVALID_AMOUNT, over.code());
        assertEquals("amount", over.param());

        Transaction captured = authorized.capture(FOUR);
        assertEquals(FOUR, captured.amounts().captured());
        assertEquals(FOUR, captured.amounts().refundable());
        ApiException again = assertThrows(ApiException.class, () -> captured.capture(null));
        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, again.code());
    }

    @Test
    void refundingMoreThanIsLeftIsInvalidAmountNamingWhatIsLeft() {
        Transaction partly = in(State.PARTIALLY_REFUNDED);
        ApiException over = assertThrows(ApiException.class, () -> partly.refund(Money.of(401, "USD")));
        assertEquals(ErrorCode.INVALID_AMOUNT, over.code());
        assertEquals("Refund amount 401 is more than the 400 left to refund.", over.getMessage());
    }

    @Test
    void anAmountInAnotherCurrencyIsInvalidCurrency() {
        ApiException e = assertThrows(ApiException.class, () -> in(State.COMPLETED).refund(Money.of(100, "EUR")));
        assertEquals(ErrorCode.INVALID_CURRENCY, e.code());
    }

    @Test
    void automaticCaptureCompletesOnApprovalCapturingEverything() {
        Transaction pending = in(State.AWAITING_CHALLENGE);
        Transaction automatic = new Transaction(pending.transactionId(), pending.merchantId(), pending.mode(),
                pending.status(), pending.amounts(), CaptureMethod.AUTOMATIC, pending.gatewayTransactionId(),
                pending.card(), pending.threeDSecure(), null, pending.details(), null, pending.createdAt(), null, 1);
        Transaction completed = automatic.challengePassed().approve(LATER);
        assertEquals(TransactionStatus.COMPLETED, completed.status());
        assertEquals(TEN, completed.amounts().captured());
    }

    @Test
    void aStatusThatDisagreesWithTheMoneyCannotBeBuilt() {
        Transaction completed = in(State.COMPLETED);
        assertThrows(IllegalArgumentException.class, () -> new Transaction(completed.transactionId(),
                completed.merchantId(), completed.mode(), TransactionStatus.REFUNDED, completed.amounts(),
                completed.captureMethod(), completed.gatewayTransactionId(), completed.card(),
                completed.threeDSecure(), null, completed.details(), null, completed.createdAt(), LATER, 9));
        assertThrows(IllegalArgumentException.class, () -> new PaymentAmounts(TEN, FOUR, TEN, 1));
    }

    /** 2,000 random walks: whatever is allowed, captured ≤ authorised and refunded ≤ captured always hold. */
    @Test
    void noSequenceOfOperationsBreaksTheMoneyInvariants() {
        Random random = new Random(15);
        Set<TransactionStatus> reached = EnumSet.noneOf(TransactionStatus.class);
        for (int walk = 0; walk < 2_000; walk++) {
            Transaction t = in(State.AWAITING_CHALLENGE);
            List<String> steps = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                Transaction current = t;
                Money some = new Money(1 + random.nextInt(1_200), TEN.currency());
                UnaryOperator<Transaction> op = switch (random.nextInt(7)) {
                    case 0 -> x -> x.approve(LATER);
                    case 1 -> Transaction::challengePassed;
                    case 2 -> x -> x.capture(random.nextBoolean() ? null : some);
                    case 3 -> Transaction::cancel;
                    case 4 -> x -> x.refund(random.nextBoolean() ? null : some);
                    case 5 -> x -> x.refundFailed(some);
                    default -> x -> x.fail(DECLINED, x.threeDSecure(), LATER);
                };
                try {
                    t = op.apply(current);
                    steps.add(t.status().wireName());
                    assertEquals(current.version() + 1, t.version());
                } catch (ApiException | IllegalArgumentException refused) {
                    assertEquals(current, t, "a refused operation changes nothing");
                }
                assertInvariants(t);
                reached.add(t.status());
            }
            assertFalse(steps.size() > 12);
        }
        assertEquals(EnumSet.allOf(TransactionStatus.class), reached, "the walks reach every status");
    }

    private static void assertInvariants(Transaction t) {
        PaymentAmounts a = t.amounts();
        assertFalse(a.captured().isMoreThan(a.authorized()), "captured ≤ authorised: " + a);
        assertFalse(a.refunded().isMoreThan(a.captured()), "refunded ≤ captured: " + a);
        assertTrue(t.status().isCaptured() || a.captured().isZero(), "only a captured payment holds money: " + t);
        assertEquals(t.status() == TransactionStatus.REFUNDED, a.fullyRefunded(), t.toString());
    }
}
