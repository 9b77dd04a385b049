package com.circoflows.domain.banktransfer;

/** The bank side's feed of incoming credits, which {@link BankCreditService} consumes. */
public interface BankCreditFeed {
    void deliver(BankCredit credit);
}
