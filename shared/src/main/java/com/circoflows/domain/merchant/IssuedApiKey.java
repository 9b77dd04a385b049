package com.circoflows.domain.merchant;

/** A freshly created key: the only object that ever holds the full key. */
public record IssuedApiKey(StoredApiKey stored, String fullKey) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + stored.displayPrefix() + "]";
    }
}
