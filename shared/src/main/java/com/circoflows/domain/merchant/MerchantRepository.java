package com.circoflows.domain.merchant;

import java.util.Optional;

public interface MerchantRepository {
    void create(Merchant merchant);

    Optional<Merchant> find(String merchantId);
}
