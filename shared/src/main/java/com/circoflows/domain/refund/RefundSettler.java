package com.circoflows.domain.refund;

import com.circoflows.observability.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The scheduled settle step: pending refunds past a grace (so a request still finishing its own is
 * left alone) are sent if a crash stopped them before the processor saw them, else asked about;
 * settled ones get their event. One refund's trouble never stops the others.
 */
public final class RefundSettler {
    private static final JsonLog LOG = JsonLog.get(RefundSettler.class);

    private final RefundRepository refunds;
    private final RefundService service;
    private final Clock clock;
    private final Duration grace;

    public RefundSettler(RefundRepository refunds, RefundService service, Clock clock, Duration grace) {
        this.refunds = refunds;
        this.service = service;
        this.clock = clock;
        this.grace = grace;
    }

    /** Returns how many refunds this run settled (succeeded or failed). */
    public int settle(int limit) {
        List<Refund> due = refunds.pendingCreatedBefore(clock.instant().minus(grace), limit);
        int settled = 0;
        for (Refund refund : due) {
            try {
                Refund after = service.finish(refund).refund();
                if (after.status() != RefundStatus.PENDING) {
                    settled++;
                    LOG.info("refund_settled", Map.of("refund_id", after.refundId(),
                            "status", after.status().wireName()));
                }
            } catch (RuntimeException e) {
                LOG.warn("refund_settle_failed", Map.of("refund_id", refund.refundId(),
                        "reason", e.getClass().getSimpleName()));
            }
        }
        return settled;
    }
}
