package com.circoflows.api.archfixture;

import com.circoflows.adapters.dynamodb.DynamoMerchantRepository;

/** Deliberately breaks the layering (LayeringRulesBiteTest): an endpoint holding an adapter. */
public final class EndpointThatQueriesDynamo {
    private final DynamoMerchantRepository merchants;

    public EndpointThatQueriesDynamo(DynamoMerchantRepository merchants) {
        this.merchants = merchants;
    }

    public boolean exists(String merchantId) {
        return merchants.find(merchantId).isPresent();
    }
}
