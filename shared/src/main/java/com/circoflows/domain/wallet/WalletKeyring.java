package com.circoflows.domain.wallet;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The wallets one mode can open tokens of, each with that mode's trusted roots and our private keys. */
public final class WalletKeyring {
    private final Map<Wallet, WalletTokenOpener> openers;

    public WalletKeyring(Map<Wallet, WalletTokenOpener> openers) {
        this.openers = openers.isEmpty() ? Map.of() : new EnumMap<>(openers);
    }

    public static WalletKeyring none() {
        return new WalletKeyring(Map.of());
    }

    public Optional<WalletTokenOpener> opener(Wallet wallet) {
        return Optional.ofNullable(openers.get(wallet));
    }

    public boolean offers(Wallet wallet) {
        return openers.containsKey(wallet);
    }
}
