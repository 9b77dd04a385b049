package com.circoflows.domain.merchant;

import java.time.Instant;

/** A business that takes payments through the API; its name is shown to customers on our pages. */
public record Merchant(String merchantId, String name, Instant createdAt) {
}
