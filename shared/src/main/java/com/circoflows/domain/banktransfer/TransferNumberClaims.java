package com.circoflows.domain.banktransfer;

import java.util.Optional;

/**
 * The transfer numbers issued in each scheme, and to which payment: what a credit's virtual account or
 * reference is looked up by. A number once claimed is never given to another payment.
 */
public interface TransferNumberClaims {
    /**
     * Claims the number for the payment. True when it is the payment's now, also when this payment had
     * claimed it already (a retry after a crash); false when another payment holds it.
     */
    boolean claim(TransferScheme scheme, long number, ClaimedTransfer claim);

    Optional<ClaimedTransfer> find(TransferScheme scheme, long number);
}
