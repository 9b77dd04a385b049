package com.circoflows.domain.merchant;

import java.util.Optional;

public interface ApiKeyRepository {
    void create(StoredApiKey key);

    Optional<StoredApiKey> find(String keyId);
}
