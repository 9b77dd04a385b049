package com.circoflows.domain.merchant;

/** The caller behind a request whose API key verified. */
public record AuthenticatedKey(String keyId, String merchantId, Mode mode) {
}
