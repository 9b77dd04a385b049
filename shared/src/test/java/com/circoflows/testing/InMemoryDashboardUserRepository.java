package com.circoflows.testing;

import com.circoflows.domain.dashboard.DashboardRole;
import com.circoflows.domain.dashboard.DashboardUser;
import com.circoflows.domain.dashboard.DashboardUserRepository;
import com.circoflows.domain.dashboard.EmailAlreadyRegistered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard users in a map, each write checking the version (and the other owner) under one lock, as
 * the DynamoDB conditions and transactions will. A test can make another write land between a caller's
 * read and its write ({@link #beforeNextUpdate}).
 */
public final class InMemoryDashboardUserRepository implements DashboardUserRepository {
    private final Map<String, DashboardUser> byId = new LinkedHashMap<>();
    private Runnable beforeNextUpdate;
    private Runnable beforeNextCreate;

    @Override
    public void create(DashboardUser user) {
        Runnable interleaved;
        synchronized (this) {
            interleaved = beforeNextCreate;
            beforeNextCreate = null;
        }
        if (interleaved != null) {
            interleaved.run();
        }
        createNow(user);
    }

    private synchronized void createNow(DashboardUser user) {
        if (byId.values().stream().anyMatch(existing -> existing.email().equals(user.email()))) {
            throw new EmailAlreadyRegistered();
        }
        if (byId.putIfAbsent(user.userId(), user) != null) {
            throw new IllegalStateException("duplicate user id " + user.userId());
        }
    }

    @Override
    public synchronized Optional<DashboardUser> findByEmail(String normalisedEmail) {
        return byId.values().stream().filter(user -> user.email().equals(normalisedEmail)).findFirst();
    }

    @Override
    public synchronized Optional<DashboardUser> findById(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public boolean update(DashboardUser changed, long expectedVersion) {
        return updateWhileOwner(changed, expectedVersion, null);
    }

    @Override
    public boolean updateWhileOwner(DashboardUser changed, long expectedVersion, String otherOwnerId) {
        runInterleavedWrite();
        synchronized (this) {
            DashboardUser current = byId.get(changed.userId());
            if (current == null || current.version() != expectedVersion || !isOwnerOf(otherOwnerId, current)) {
                return false;
            }
            if (!current.email().equals(changed.email()) || !current.merchantId().equals(changed.merchantId())) {
                throw new IllegalArgumentException("an update keeps the user's email and merchant");
            }
            byId.put(changed.userId(), changed);
            return true;
        }
    }

    @Override
    public synchronized boolean delete(String userId, long expectedVersion, String otherOwnerId) {
        DashboardUser current = byId.get(userId);
        if (current == null || current.version() != expectedVersion || !isOwnerOf(otherOwnerId, current)) {
            return false;
        }
        byId.remove(userId);
        return true;
    }

    @Override
    public synchronized List<DashboardUser> listByMerchant(String merchantId) {
        return byId.values().stream().filter(user -> user.merchantId().equals(merchantId)).toList();
    }

    /** Runs {@code interleaved} at the start of the next create, after its caller looked the email up. */
    public synchronized void beforeNextCreate(Runnable interleaved) {
        this.beforeNextCreate = interleaved;
    }

    /** Runs {@code interleaved} at the start of the next update, after its caller read and before it writes. */
    public synchronized void beforeNextUpdate(Runnable interleaved) {
        this.beforeNextUpdate = interleaved;
    }

    /** Writes a user as another container would, without any check. */
    public synchronized void overwrite(DashboardUser user) {
        byId.put(user.userId(), user);
    }

    public synchronized List<DashboardUser> all() {
        return List.copyOf(byId.values());
    }

    private void runInterleavedWrite() {
        Runnable interleaved;
        synchronized (this) {
            interleaved = beforeNextUpdate;
            beforeNextUpdate = null;
        }
        if (interleaved != null) {
            interleaved.run();
        }
    }

    /** True with no other owner to check. */
    private boolean isOwnerOf(String otherOwnerId, DashboardUser of) {
        if (otherOwnerId == null) {
            return true;
        }
        DashboardUser other = byId.get(otherOwnerId);
        return other != null && other.role() == DashboardRole.OWNER && other.merchantId().equals(of.merchantId());
    }
}
