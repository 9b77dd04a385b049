package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.circoflows.domain.error.ApiException;
import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.gateway.TestCards;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.PaymentWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a merchant does with a held credit: see it, assign it to the payment it was meant for, or send it back. */
class HeldCreditsTest {
    private final BankTransferWorld world = new BankTransferWorld();

    @Test
    void aLateCreditIsListedForItsMerchantAndAssigningItPaysAnotherTransfer() {
        String creditId = lateCredit(10000);
        Transaction next = world.open(10000, "EUR");

        List<RecordedCredit> held = world.heldCredits.list(PaymentWorld.MERCHANT_A, 10, null).credits();
        assertEquals(List.of(creditId), held.stream().map(RecordedCredit::creditId).toList());
        RecordedCredit assigned = world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, next.transactionId());

        assertEquals(RecordedCredit.Outcome.APPLIED, assigned.outcome());
        assertEquals(next.transactionId(), assigned.transactionId());
        assertEquals(TransactionStatus.COMPLETED, world.stored(next).status());
        assertTrue(world.heldCredits.list(PaymentWorld.MERCHANT_A, 10, null).credits().isEmpty());
    }

    @Test
    void aCreditIsAssignedOrReturnedOnceOnly() {
        String creditId = lateCredit(500);
        Transaction next = world.open(10000, "EUR");
        world.heldCredits.returnToPayer(PaymentWorld.MERCHANT_A, creditId);

        ApiException again = assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, next.transactionId()));

        assertEquals(ErrorCode.BANK_CREDIT_NOT_HELD, again.code());
        assertEquals(0, world.stored(next).bankTransfer().received().minorUnits());
        RecordedCredit returned = world.heldCredits.get(PaymentWorld.MERCHANT_A, creditId);
        assertEquals(RecordedCredit.Outcome.RETURNED, returned.outcome());
        assertTrue(returned.returnId().startsWith("otr_"));
    }

    @Test
    void anotherMerchantsCreditIsNotFoundAndTheirPaymentCannotTakeMine() {
        String creditId = lateCredit(500);
        Transaction theirs = world.open(PaymentWorld.MERCHANT_B, 10000, "EUR");

        assertEquals(ErrorCode.BANK_CREDIT_NOT_FOUND, assertThrows(ApiException.class,
                () -> world.heldCredits.get(PaymentWorld.MERCHANT_B, creditId)).code());
        assertEquals(ErrorCode.TRANSACTION_NOT_FOUND, assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, theirs.transactionId())).code());
        assertTrue(world.heldCredits.list(PaymentWorld.MERCHANT_B, 10, null).credits().isEmpty());
    }

    @Test
    void anUnattributedCreditIsNobodysToSee() {
        BankCredit stray = world.creditTyped("EUR", 700, "no reference at all");
        world.credits.receive(stray);

        assertEquals(ErrorCode.BANK_CREDIT_NOT_FOUND, assertThrows(ApiException.class,
                () -> world.heldCredits.get(PaymentWorld.MERCHANT_A, BankCreditIds.of(stray.bankReference()))).code());
    }

    @Test
    void assigningToAPaymentInAnotherCurrencyOrToAFailedOneIsRefused() {
        String creditId = lateCredit(500);
        Transaction expired = world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(8));
        world.expirer.expireDue(100);
        Transaction pounds = world.open(10000, "GBP");

        assertEquals(ErrorCode.INVALID_CURRENCY, assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, pounds.transactionId())).code());
        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, expired.transactionId())).code());
        assertEquals(RecordedCredit.Outcome.HELD, world.heldCredits.get(PaymentWorld.MERCHANT_A, creditId).outcome());
    }

    @Test
    void anExcessIsReturnedToThePayerAndACreditLargerThanWhatAPaymentLacksIsNotAssigned() {
        Transaction overpaid = world.open(1000, "EUR");
        world.credits.receive(world.creditFor(overpaid, 1500));
        RecordedCredit excess = world.heldCredits.list(PaymentWorld.MERCHANT_A, 10, null).credits().get(0);
        Transaction small = world.open(100, "EUR");

        assertEquals(ErrorCode.INVALID_AMOUNT, assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, excess.creditId(), small.transactionId())).code());
        RecordedCredit returned = world.heldCredits.returnToPayer(PaymentWorld.MERCHANT_A, excess.creditId());

        assertEquals(RecordedCredit.Outcome.RETURNED, returned.outcome());
        assertEquals(500, returned.amount().minorUnits());
        assertEquals(HeldCredit.Reason.EXCESS, returned.heldReason());
    }

    @Test
    void assigningToACardPaymentIsRefused() {
        String creditId = lateCredit(500);
        PaymentWorld cards = PaymentWorld.create();
        Transaction card = cards.pay(TestCards.SUCCESS).transaction();
        world.transactions.insert(card, null);

        assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, assertThrows(ApiException.class,
                () -> world.assignment.assign(PaymentWorld.MERCHANT_A, creditId, card.transactionId())).code());
    }

    @Test
    void creditIdsAreTheSameForTheSameBankReferenceAndWellFormed() {
        assertEquals(BankCreditIds.of("SEPA/2026:0001"), BankCreditIds.of("SEPA/2026:0001"));
        assertTrue(BankCreditIds.isWellFormed(BankCreditIds.of("SEPA/2026:0001")));
        assertTrue(!BankCreditIds.of("A").equals(BankCreditIds.of("B")));
    }

    /** A credit for merchant A's payment that had expired: held for A. Its credit id. */
    private String lateCredit(long minorUnits) {
        Transaction payment = world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(7));
        world.expirer.expireDue(100);
        BankCredit late = world.creditFor(payment, minorUnits);
        world.credits.receive(late);
        world.clock.advance(Duration.ofSeconds(1));
        return BankCreditIds.of(late.bankReference());
    }
}
