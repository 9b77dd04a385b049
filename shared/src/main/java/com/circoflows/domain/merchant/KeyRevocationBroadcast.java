package com.circoflows.domain.merchant;

/**
 * Tells every other container, sooner than its key cache would expire, that a key was revoked. The
 * revocation itself is already durable in the key table; this only shortens how long another
 * container's cached verification may still vouch for the key.
 */
@FunctionalInterface
public interface KeyRevocationBroadcast {
    void announce(String keyId);
}
