package com.circoflows.domain.banktransfer;

import com.circoflows.domain.payment.Transaction;
import java.time.Instant;
import java.util.List;

/** Bank-transfer payments still waiting for their money, by when they expire. */
public interface PendingTransfers {
    /** Pending bank transfers whose expiry is at or before {@code now}, soonest first, at most {@code limit}. */
    List<Transaction> expiringBy(Instant now, int limit);
}
