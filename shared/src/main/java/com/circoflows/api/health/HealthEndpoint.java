package com.circoflows.api.health;

import com.circoflows.api.ApiRequest;
import com.circoflows.api.ApiResponse;
import com.circoflows.api.Envelope;
import com.circoflows.api.MerchantEndpoint;
import com.circoflows.domain.merchant.AuthenticatedKey;
import com.circoflows.domain.ratelimit.RateLimitClass;
import com.circoflows.domain.time.Timestamps;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/health: proves the key works and says which merchant and mode it belongs to. */
public final class HealthEndpoint implements MerchantEndpoint {
    public static final String API_VERSION = "2.0.0";

    private final Clock clock;

    public HealthEndpoint(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RateLimitClass rateLimitClass() {
        return RateLimitClass.AUTHENTICATION;
    }

    @Override
    public ApiResponse handle(ApiRequest request, AuthenticatedKey caller) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "ok");
        data.put("version", API_VERSION);
        data.put("merchant_id", caller.merchantId());
        data.put("mode", caller.mode().wireName());
        data.put("time", Timestamps.format(clock.instant()));
        return Envelope.ok(200, "API is operational", data);
    }
}
