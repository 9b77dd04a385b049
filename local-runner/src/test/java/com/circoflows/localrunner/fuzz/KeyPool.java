package com.circoflows.localrunner.fuzz;

import com.circoflows.localrunner.e2e.E2e;
import com.circoflows.localrunner.e2e.HttpResult;
import com.circoflows.localstack.HttpRoute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid API keys of fresh merchants, each with its {@link MerchantObjects}, so fuzz cases reach the
 * endpoints instead of the rate limiter
 * (10, 100 or 1000 a minute per key and class). A key's budget in a class is what the API's last
 * X-RateLimit-Remaining/-Reset for that class said, and a route's class is known by its
 * X-RateLimit-Limit; a key near the end of its budget is left alone until its window ends, and a new
 * merchant is made when no key is free.
 */
final class KeyPool {
    /** Kept in hand for the requests still in flight and a window boundary between client and server clocks. */
    private static final int SPARE_REQUESTS = FuzzProperty.PARALLEL + 1;

    private final E2e e2e;
    private final List<PooledKey> keys = new ArrayList<>();
    private final Map<String, PooledKey> keysByValue = new HashMap<>();
    /** Route ("POST /api/direct-payment") -> the X-RateLimit-Limit of its class. */
    private final Map<String, Integer> limitByRoute = new HashMap<>();

    KeyPool(E2e e2e) {
        this.e2e = e2e;
    }

    synchronized E2e.TestMerchant keyFor(HttpRoute route) {
        long now = Instant.now().getEpochSecond();
        Integer limit = limitByRoute.get(routeKey(route));
        for (PooledKey key : keys) {
            if (limit == null ? key.hasBudgetInEveryClass(now) : key.hasBudget(limit, now)) {
                return key.merchant;
            }
        }
        PooledKey fresh = new PooledKey(e2e.newMerchant("Fuzz Merchant " + (keys.size() + 1)));
        // Its pages' cases pay the 3-D Secure card again and again.
        e2e.allowRepeatedTestCards(fresh.merchant.merchantId());
        keys.add(fresh);
        keysByValue.put(fresh.merchant.apiKey(), fresh);
        // Made at once, while every class still has its whole budget.
        fresh.objects = MerchantObjects.make(fresh.merchant.api(), (key, answer) -> observe(key, null, answer),
                fresh.merchant.apiKey());
        return fresh.merchant;
    }

    /** The objects the pool made for one of its merchants. */
    synchronized MerchantObjects objectsOf(E2e.TestMerchant merchant) {
        return keysByValue.get(merchant.apiKey()).objects;
    }

    /**
     * Takes a pool key's budget from an answer to a request it authenticated ({@code route} null for
     * requests outside the fuzz cases, such as making a merchant's objects).
     */
    synchronized void observe(String apiKey, HttpRoute route, HttpResult answer) {
        PooledKey key = apiKey == null ? null : keysByValue.get(apiKey);
        String limit = answer.header("x-ratelimit-limit");
        String remaining = answer.header("x-ratelimit-remaining");
        String reset = answer.header("x-ratelimit-reset");
        if (key == null || answer.status() == 401 || limit == null || remaining == null || reset == null) {
            return;
        }
        int limitValue = Integer.parseInt(limit);
        Budget seen = new Budget(Integer.parseInt(remaining), Long.parseLong(reset));
        // Answers to parallel requests arrive in any order: within one window the lowest count is the latest.
        key.budgets.merge(limitValue, seen, (known, fresh) -> fresh.resetEpochSecond() > known.resetEpochSecond()
                ? fresh : fresh.resetEpochSecond() < known.resetEpochSecond() ? known
                : fresh.remaining() < known.remaining() ? fresh : known);
        if (route != null) {
            limitByRoute.put(routeKey(route), limitValue);
        }
    }

    synchronized int merchants() {
        return keys.size();
    }

    private static String routeKey(HttpRoute route) {
        return route.method() + " " + route.path();
    }

    private record Budget(int remaining, long resetEpochSecond) {
        boolean spare(long now) {
            return remaining > SPARE_REQUESTS || now >= resetEpochSecond;
        }
    }

    private static final class PooledKey {
        final E2e.TestMerchant merchant;
        MerchantObjects objects;
        /** X-RateLimit-Limit (the class) -> the budget the last answer in that class showed. */
        final Map<Integer, Budget> budgets = new HashMap<>();

        PooledKey(E2e.TestMerchant merchant) {
            this.merchant = merchant;
        }

        boolean hasBudget(int limit, long now) {
            Budget budget = budgets.get(limit);
            return budget == null || budget.spare(now);
        }

        boolean hasBudgetInEveryClass(long now) {
            return budgets.values().stream().allMatch(budget -> budget.spare(now));
        }
    }
}
