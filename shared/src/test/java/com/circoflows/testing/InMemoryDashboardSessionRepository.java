package com.circoflows.testing;

import com.circoflows.domain.dashboard.DashboardSession;
import com.circoflows.domain.dashboard.DashboardSessionRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dashboard sessions in a map by token hash; expired ones stay until deleted, as they would until the TTL. */
public final class InMemoryDashboardSessionRepository implements DashboardSessionRepository {
    private final Map<String, DashboardSession> byTokenHash = new LinkedHashMap<>();

    @Override
    public synchronized void save(DashboardSession session) {
        byTokenHash.put(session.tokenHash(), session);
    }

    @Override
    public synchronized Optional<DashboardSession> find(String tokenHash) {
        return Optional.ofNullable(byTokenHash.get(tokenHash));
    }

    @Override
    public synchronized boolean touch(String tokenHash, Instant lastSeenAt) {
        DashboardSession current = byTokenHash.get(tokenHash);
        if (current == null) {
            return false;
        }
        byTokenHash.put(tokenHash, new DashboardSession(current.tokenHash(), current.userId(), current.merchantId(),
                current.createdAt(), lastSeenAt, current.expiresAt(), current.csrfSecret(),
                current.pendingSecondFactor()));
        return true;
    }

    @Override
    public synchronized void delete(String tokenHash) {
        byTokenHash.remove(tokenHash);
    }

    @Override
    public synchronized void deleteAllForUser(String userId) {
        byTokenHash.values().removeIf(session -> session.userId().equals(userId));
    }

    @Override
    public synchronized List<DashboardSession> listForUser(String userId) {
        return byTokenHash.values().stream().filter(session -> session.userId().equals(userId)).toList();
    }

    public synchronized List<DashboardSession> all() {
        return List.copyOf(byTokenHash.values());
    }
}
