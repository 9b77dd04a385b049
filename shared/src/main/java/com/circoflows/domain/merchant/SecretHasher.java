package com.circoflows.domain.merchant;

/** One-way hashing of API key secrets; implementations must compare in constant time. */
public interface SecretHasher {
    String hash(String secret);

    boolean matches(String secret, String storedHash);
}
