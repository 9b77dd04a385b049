package com.circoflows.domain.keys;

/**
 * Where the deployment's app secret comes from: the key material {@link DerivedKeys} derives the card
 * fingerprint and page token keys from. Read once per container, when the function starts.
 */
public interface AppSecretSource {

    /** The secret's value; fails when it cannot be read, so a function never starts without it. */
    String read();
}
