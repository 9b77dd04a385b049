package com.circoflows.domain.merchant;

import java.util.List;

/** One page of a merchant's keys of one mode, newest first; {@code nextCursor} is null on the last page. */
public record ApiKeyPage(List<StoredApiKey> keys, String nextCursor) {
}
