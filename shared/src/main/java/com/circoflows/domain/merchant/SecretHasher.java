package com.circoflows.domain.merchant;

/** One-way hashing of secrets; implementations must compare in constant time. */
public interface SecretHasher {
    String hash(String secret);

    boolean matches(String secret, String storedHash);

    /** Whether {@code storedHash} is in this hasher's format, so that {@link #matches} can judge it. */
    boolean recognises(String storedHash);
}
