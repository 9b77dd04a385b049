package com.circoflows.client.model;

/**
 * A new payment: {@link CardPaymentParams}, {@link BankTransferPaymentParams} or {@link WalletPaymentParams}.
 * Implemented by those three only.
 */
public interface PaymentCreateParams {
}
