package com.circoflows.testing;

import com.circoflows.domain.merchant.Merchant;
import com.circoflows.domain.merchant.MerchantRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryMerchantRepository implements MerchantRepository {
    private final Map<String, Merchant> merchants = new LinkedHashMap<>();

    @Override
    public synchronized void create(Merchant merchant) {
        if (merchants.putIfAbsent(merchant.merchantId(), merchant) != null) {
            throw new IllegalStateException("duplicate merchant " + merchant.merchantId());
        }
    }

    @Override
    public synchronized Optional<Merchant> find(String merchantId) {
        return Optional.ofNullable(merchants.get(merchantId));
    }

    public synchronized List<Merchant> all() {
        return List.copyOf(merchants.values());
    }
}
