package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.circoflows.domain.error.RetryableFailure;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEvent;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.BankTransferWorld;
import com.circoflows.testing.PaymentWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credit consumer's rules over in-memory stores: partial, full, over, duplicates, order, crashes, holds. */
class BankCreditServiceTest {
    private final BankTransferWorld world = new BankTransferWorld();

    @Test
    void aPartialCreditKeepsThePaymentPendingWithWhatArrivedAndAnnouncesPaymentPendingAgain() {
        Transaction payment = world.open(10000, "EUR");

        assertEquals(BankCreditService.Outcome.APPLIED, world.credits.receive(world.creditFor(payment, 4000)));

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.PENDING, after.status());
        assertEquals(4000, after.bankTransfer().received().minorUnits());
        assertEquals(0, after.amounts().captured().minorUnits());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_PENDING), types(payment));
        assertEquals(2, world.queue.enqueued().size(), "the second payment.pending is queued too");
    }

    @Test
    void creditsReachingTheAmountCompleteThePaymentOnceAndAnnouncePaymentSucceeded() {
        Transaction payment = world.open(10000, "GBP");

        world.credits.receive(world.creditFor(payment, 4000));
        world.credits.receive(world.creditFor(payment, 6000));

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertEquals(10000, after.amounts().captured().minorUnits());
        assertEquals(0, after.bankTransfer().excess().minorUnits());
        assertEquals(world.clock.instant(), after.processedAt());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_PENDING,
                WebhookEventType.PAYMENT_SUCCEEDED), types(payment));
    }

    @Test
    void anOverpaymentCompletesThePaymentAndRecordsTheExcessAsOwedBack() {
        Transaction payment = world.open(10000, "USD");

        world.credits.receive(world.creditFor(payment, 12500));

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertEquals(10000, after.amounts().captured().minorUnits(), "only the amount is the merchant's");
        assertEquals(12500, after.bankTransfer().received().minorUnits());
        assertEquals(2500, after.bankTransfer().excess().minorUnits());
        HeldCredit owed = world.ledger.held().get(0);
        assertEquals(HeldCredit.Reason.EXCESS, owed.reason());
        assertEquals(2500, owed.credit().amount().minorUnits(), "the excess is held for the merchant to return");
        assertEquals(payment.transactionId(), owed.transactionId());
        assertEquals(1, world.heldCredits.list(PaymentWorld.MERCHANT_A, 10, null).credits().size());
    }

    @Test
    void aCreditDeliveredTwiceIsAppliedOnce() {
        Transaction payment = world.open(10000, "EUR");
        BankCredit credit = world.creditFor(payment, 3000);

        assertEquals(BankCreditService.Outcome.APPLIED, world.credits.receive(credit));
        assertEquals(BankCreditService.Outcome.DUPLICATE, world.credits.receive(credit));

        assertEquals(3000, world.stored(payment).bankTransfer().received().minorUnits());
        assertEquals(2, types(payment).size(), "no event for the duplicate");
    }

    @Test
    void creditsInAnyOrderEndInTheSamePaymentWithTheSameAmounts() {
        long[][] orders = {{3000, 5000, 4000}, {4000, 3000, 5000}, {5000, 4000, 3000}};
        for (long[] order : orders) {
            Transaction payment = world.open(10000, "EUR");
            for (long amount : order) {
                world.credits.receive(world.creditFor(payment, amount));
            }
            Transaction after = world.stored(payment);
            assertEquals(TransactionStatus.COMPLETED, after.status());
            assertEquals(12000, after.bankTransfer().received().minorUnits());
            assertEquals(2000, after.bankTransfer().excess().minorUnits());
        }
    }

    @Test
    void aCrashBetweenMatchingAndWritingLeavesNothingAndTheRedeliveryAppliesTheCreditOnce() {
        Transaction payment = world.open(10000, "EUR");
        BankCredit credit = world.creditFor(payment, 10000);
        world.ledger.crashBeforeNextWrite(new IllegalStateException("the process died here"));

        assertThrows(IllegalStateException.class, () -> world.credits.receive(credit));
        assertEquals(TransactionStatus.PENDING, world.stored(payment).status(), "nothing was written");
        assertEquals(0, world.stored(payment).bankTransfer().received().minorUnits());

        assertEquals(BankCreditService.Outcome.APPLIED, world.credits.receive(credit));
        assertEquals(BankCreditService.Outcome.DUPLICATE, world.credits.receive(credit));
        assertEquals(10000, world.stored(payment).bankTransfer().received().minorUnits());
        assertEquals(TransactionStatus.COMPLETED, world.stored(payment).status());
    }

    @Test
    void aPaymentChangedByAnotherCreditMeanwhileIsReadAgainSoBothCount() {
        Transaction payment = world.open(10000, "EUR");
        BankCredit racer = world.creditFor(payment, 3000);
        world.transactions.beforeNextUpdate(repository -> world.credits.receive(racer));

        world.credits.receive(world.creditFor(payment, 7000));

        Transaction after = world.stored(payment);
        assertEquals(10000, after.bankTransfer().received().minorUnits());
        assertEquals(TransactionStatus.COMPLETED, after.status());
    }

    @Test
    void aPaymentThatNeverStopsChangingMakesTheDeliveryRetryWithNothingWritten() {
        Transaction payment = world.open(10000, "EUR");
        world.transactions.reportConflicts(BankCreditService.MAX_RACES);

        assertThrows(RetryableFailure.class, () -> world.credits.receive(world.creditFor(payment, 1000)));

        assertEquals(0, world.stored(payment).bankTransfer().received().minorUnits());
        assertEquals(List.of(), world.ledger.outcomes().keySet().stream().toList());
    }

    @Test
    void aReferenceTypedInLowerCaseWithSpacesNoRfAndOneSwappedPairStillPaysItsPayment() {
        Transaction payment = world.open(10000, "EUR");
        String exact = payment.bankTransfer().reference().electronic();
        String payload = exact.substring(4);
        int i = 0;
        while (payload.charAt(i) == payload.charAt(i + 1)) {
            i++;
        }
        String swapped = payload.substring(0, i) + payload.charAt(i + 1) + payload.charAt(i) + payload.substring(i + 2);
        String typed = (" " + exact.substring(2, 4) + " " + swapped).toLowerCase();

        assertEquals(BankCreditService.Outcome.APPLIED,
                world.credits.receive(world.creditTyped("EUR", 2000, "rf" + typed)));

        assertEquals(2000, world.stored(payment).bankTransfer().received().minorUnits());
    }

    @Test
    void aCreditNamingNoPaymentIsHeldUnattributedNeverDropped() {
        world.open(10000, "EUR");

        BankCredit stray = world.creditTyped("EUR", 5000, "INVOICE 2026-118");
        assertEquals(BankCreditService.Outcome.HELD, world.credits.receive(stray));

        HeldCredit held = world.ledger.held().get(0);
        assertEquals(HeldCredit.Reason.UNMATCHED, held.reason());
        assertNull(held.merchantId());
        assertEquals(stray, held.credit());
        assertEquals(BankCreditService.Outcome.DUPLICATE, world.credits.receive(stray), "held once");
    }

    @Test
    void aCreditInACurrencyWithoutASchemeIsHeldNotRefused() {
        assertEquals(BankCreditService.Outcome.HELD, world.credits.receive(world.creditTyped("JPY", 5000, "RF18")));
    }

    @Test
    void aCreditArrivingAfterThePaymentExpiredIsHeldForTheMerchantToSendBack() {
        Transaction payment = world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(7));
        assertEquals(1, world.expirer.expireDue(100));

        assertEquals(BankCreditService.Outcome.HELD, world.credits.receive(world.creditFor(payment, 10000)));

        HeldCredit held = world.ledger.held().get(0);
        assertEquals(HeldCredit.Reason.PAYMENT_CLOSED, held.reason());
        assertEquals(PaymentWorld.MERCHANT_A.merchantId(), held.merchantId());
        assertEquals(payment.transactionId(), held.transactionId());
        assertEquals(TransactionStatus.FAILED, world.stored(payment).status(), "an expired payment stays failed");
    }

    @Test
    void aCreditToAPaidPaymentIsRecordedAsExcessWithoutAnotherEvent() {
        Transaction payment = world.open(10000, "EUR");
        world.credits.receive(world.creditFor(payment, 10000));
        int events = types(payment).size();

        assertEquals(BankCreditService.Outcome.APPLIED, world.credits.receive(world.creditFor(payment, 1500)));

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.COMPLETED, after.status());
        assertEquals(1500, after.bankTransfer().excess().minorUnits());
        assertEquals(events, types(payment).size());
        assertEquals(1500, world.ledger.held().get(0).credit().amount().minorUnits(), "held to be returned");
    }

    @Test
    void anotherMerchantsReferenceIsMatchedToThatMerchantsPaymentOnly() {
        Transaction mine = world.open(PaymentWorld.MERCHANT_A, 10000, "EUR");
        Transaction theirs = world.open(PaymentWorld.MERCHANT_B, 10000, "EUR");

        world.credits.receive(world.creditFor(theirs, 10000));

        assertEquals(0, world.stored(mine).bankTransfer().received().minorUnits());
        assertEquals(TransactionStatus.COMPLETED, world.stored(theirs).status());
    }

    @Test
    void aCreditThatWouldTakeWhatArrivedPastTheLargestAmountIsHeldWhole() {
        Transaction payment = world.open(99_999_999, "EUR");
        world.credits.receive(world.creditFor(payment, 99_999_999));

        assertEquals(BankCreditService.Outcome.HELD, world.credits.receive(world.creditFor(payment, 1)));

        assertEquals(HeldCredit.Reason.AMOUNT_LIMIT, world.ledger.held().get(0).reason());
        assertEquals(99_999_999, world.stored(payment).bankTransfer().received().minorUnits());
    }

    private List<WebhookEventType> types(Transaction payment) {
        List<WebhookEventType> types = new ArrayList<>();
        for (WebhookEvent event : world.transactions.eventsFor(payment.transactionId())) {
            types.add(event.type());
        }
        return types;
    }
}
