package com.circoflows.domain.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.circoflows.domain.error.ErrorCode;
import com.circoflows.domain.payment.Transaction;
import com.circoflows.domain.payment.TransactionStatus;
import com.circoflows.domain.webhook.WebhookEventType;
import com.circoflows.testing.BankTransferWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unpaid transfers fail at their expiry, once, and never one a credit paid first. */
class BankTransferExpirerTest {
    private final BankTransferWorld world = new BankTransferWorld();

    @Test
    void aTransferUnpaidAfterSevenDaysFailsWithBankTransferExpiredAndAnnouncesPaymentFailed() {
        Transaction payment = world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertEquals(0, world.expirer.expireDue(100), "not a second early");

        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, world.expirer.expireDue(100));

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.FAILED, after.status());
        assertEquals(ErrorCode.BANK_TRANSFER_EXPIRED, after.failure().code());
        assertEquals(WebhookEventType.PAYMENT_FAILED,
                world.transactions.eventsFor(payment.transactionId()).get(1).type());
        assertEquals(0, world.expirer.expireDue(100), "expired once");
    }

    @Test
    void whatAPartlyPaidTransferReceivedBecomesExcessOwedBackWhenItExpires() {
        Transaction payment = world.open(10000, "GBP");
        world.credits.receive(world.creditFor(payment, 4000));
        world.clock.advance(Duration.ofDays(8));

        world.expirer.expireDue(100);

        Transaction after = world.stored(payment);
        assertEquals(TransactionStatus.FAILED, after.status());
        assertEquals(4000, after.bankTransfer().received().minorUnits());
        assertEquals(4000, after.bankTransfer().excess().minorUnits());
        HeldCredit received = world.ledger.held().get(0);
        assertEquals(HeldCredit.Reason.EXCESS, received.reason());
        assertEquals(4000, received.credit().amount().minorUnits(), "held for the merchant to send back");
        assertEquals(payment.transactionId(), received.transactionId());
    }

    @Test
    void anUnpaidTransferHoldsNothingWhenItExpires() {
        world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(8));

        world.expirer.expireDue(100);

        assertEquals(List.of(), world.ledger.held());
    }

    @Test
    void aTransferPaidInFullBeforeTheRunIsNotExpired() {
        Transaction paid = world.open(10000, "USD");
        Transaction unpaid = world.open(10000, "USD");
        world.credits.receive(world.creditFor(paid, 10000));
        world.clock.advance(Duration.ofDays(10));

        assertEquals(1, world.expirer.expireDue(100));

        assertEquals(TransactionStatus.COMPLETED, world.stored(paid).status());
        assertEquals(TransactionStatus.FAILED, world.stored(unpaid).status());
    }

    @Test
    void aCreditWinningTheRaceAgainstTheExpiryKeepsThePaymentPaid() {
        Transaction payment = world.open(10000, "EUR");
        world.clock.advance(Duration.ofDays(7));
        world.transactions.beforeNextUpdate(repository -> world.credits.receive(world.creditFor(payment, 10000)));

        assertEquals(0, world.expirer.expireDue(100));

        assertEquals(TransactionStatus.COMPLETED, world.stored(payment).status());
        assertEquals(List.of(WebhookEventType.PAYMENT_PENDING, WebhookEventType.PAYMENT_SUCCEEDED),
                world.transactions.eventsFor(payment.transactionId()).stream().map(e -> e.type()).toList());
    }
}
