package com.circoflows.domain.wallet;

/** Verifies one wallet's token with the keys of one mode and decrypts it. */
public interface WalletTokenOpener {

    /**
     * @param merchantId the merchant presenting the token: a token minted for another merchant is refused
     * @throws InvalidPaymentToken for anything that does not verify, has expired or does not parse
     */
    WalletCard open(String token, String merchantId) throws InvalidPaymentToken;
}
