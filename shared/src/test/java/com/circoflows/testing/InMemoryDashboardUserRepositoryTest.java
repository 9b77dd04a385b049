package com.circoflows.testing;

import com.circoflows.domain.dashboard.DashboardUserRepository;
import com.circoflows.domain.dashboard.DashboardUserRepositoryContract;

/** The fake keeps the port's contract, so tests of the domain over it say something about production. */
class InMemoryDashboardUserRepositoryTest extends DashboardUserRepositoryContract {
    private final InMemoryDashboardUserRepository store = new InMemoryDashboardUserRepository();

    @Override
    protected DashboardUserRepository users() {
        return store;
    }
}
